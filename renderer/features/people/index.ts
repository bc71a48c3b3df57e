// The people feature's public face: the registry (党员信息库) with its census and coverage tabs, and
// a person's record, which org life opens to settle a conversion.
export { PeoplePage } from './PeoplePage';
export { PersonForm } from './PersonForm';
