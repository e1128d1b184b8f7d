/**
 * Types for the two Starlight virtual modules that src/components/Search.astro
 * (a copy of Starlight's search component) imports. Starlight declares them
 * only inside its own package, so `astro check` needs them here; the shapes
 * are what Starlight 0.42 generates (dist/integrations/vite-virtual-modules.js).
 */
declare module 'virtual:starlight/project-context' {
  const project: {
    build: { format: 'directory' | 'file' | 'preserve' };
    root: string;
    srcDir: string;
    trailingSlash: 'always' | 'never' | 'ignore';
  };
  export default project;
}

declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
