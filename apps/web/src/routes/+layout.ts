// A client-only single-page app: the API serves one shell for every route.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
