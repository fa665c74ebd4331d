import { createContext, useContext, type ReactNode } from 'react';
import type { DocumentKind } from '../../core/contract/lab-api.ts';

const DocKindContext = createContext<DocumentKind>('config');

/** Which document the fields below edit: the selected config or the selected scenario. */
export function DocKindProvider({ kind, children }: { kind: DocumentKind; children: ReactNode }) {
  return <DocKindContext.Provider value={kind}>{children}</DocKindContext.Provider>;
}

export function useDocKind(): DocumentKind {
  return useContext(DocKindContext);
}
