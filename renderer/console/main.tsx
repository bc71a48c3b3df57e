import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './App';

createRoot(document.getElementById('root')!).render(<ConsoleApp />);
