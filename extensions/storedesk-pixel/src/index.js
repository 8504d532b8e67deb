// Entry point Shopify CLI bundles for the pixel sandbox. The behaviour lives in storedesk-pixel.ts, which
// has no imports, so its tests can drive it with stand-ins for Shopify's runtime.
import { register } from '@shopify/web-pixels-extension';
import { storedeskPixel } from './storedesk-pixel';

register(storedeskPixel);
