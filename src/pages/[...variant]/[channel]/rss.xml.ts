import type { APIRoute } from 'astro';
import { feedResponse } from '../../../lib/pages/feed.ts';
import { feedPaths, type FeedProps } from '../../../lib/pages/paths.ts';

export const getStaticPaths = () => feedPaths(true);
export const GET: APIRoute = ({ props }) => feedResponse((props as FeedProps).feed);
