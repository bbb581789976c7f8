import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedPaths, type FeedProps } from '../../../lib/pages/paths.ts';

export const getStaticPaths = () => feedPaths(true);
export const GET: APIRoute = ({ props }) => rss((props as FeedProps).feed);
