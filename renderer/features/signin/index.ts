// The sign-in feature's public face: the gate in front of the app in browser mode.
export { SignInGate } from './SignInGate';
