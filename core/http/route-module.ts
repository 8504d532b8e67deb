import type { Server } from 'restify';

/** A capability's HTTP routes: each module registers its own paths on the server. */
export type RouteModule = (server: Server) => void;
