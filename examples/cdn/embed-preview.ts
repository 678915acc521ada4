// The embed page's script and styles, from source (see embed.html here).
import '../../packages/elements/src/embed/embed.css';
import '../../packages/elements/src/embed/embed.ts';
