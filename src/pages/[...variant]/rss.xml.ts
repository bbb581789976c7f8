import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/route-data/feed.ts';
import { feedPaths, type FeedProps } from '../../lib/route-data/paths.ts';

export const getStaticPaths = () => feedPaths(false);
export const GET: APIRoute = ({ props }) => feedResponse((props as FeedProps).feed);
