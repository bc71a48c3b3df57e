// A dialog's body scrolls inside it when it is taller than the window (a long form on a 1366×768
// county laptop), so its 确定 / 取消 stay in sight instead of below the fold of the page; dialogs sit
// higher than antd's 100 px to leave the form more room. Given to antd's ConfigProvider of the app and
// the console, so every dialog gets it.
export const modalFits = { style: { top: 48 }, styles: { body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto' as const } } };
