// The sign-in feature's public face: the gate in front of the app in browser mode (with its idle
// lock) and the header's account menu (sign out, remove this device's data).
export { SignInGate } from './SignInGate';
export { AccountMenu } from './AccountMenu';
