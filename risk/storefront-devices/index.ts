export { DEVICE_ID_PATTERN, deviceEventSchema } from './device-event';
export type { DeviceEvent } from './device-event';
export { recordCheckoutDevice, recordSignupDevice, withSignupDevice } from './signup-devices';
