import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { App } from './App';
import { Boot } from './auth/Boot';

// RFC 8252: the embedded server accepts loopback redirects by IP literal only, so the app runs on 127.0.0.1.
if (window.location.hostname === 'localhost') {
  window.location.replace(window.location.href.replace('//localhost', '//127.0.0.1'));
} else {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <Boot>{(session) => <App session={session} />}</Boot>
      </StrictMode>,
    );
  }
}
