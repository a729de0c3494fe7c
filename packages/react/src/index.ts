// Styles ship separately as `@ambient-audio/react/styles.css`, so importing the components has no
// side effects and hosts choose where the CSS goes.
export { formatTime } from './formatTime';
export { TimeDisplay, type TimeDisplayProps } from './TimeDisplay';
