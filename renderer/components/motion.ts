// Whether the user asked the system for less motion (Windows: 显示动画 off; any OS's "reduce
// motion"): antd's zooms and fades are then switched off, which also spares a slow county-office
// laptop the work. The e2e browser asks for it too, so a click never lands on a dialog still zooming in.
export const reducedMotion: boolean = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
