// The quiz feature's public face: the 党建知识闯关赛 page.
export { QuizPage } from './QuizPage';
