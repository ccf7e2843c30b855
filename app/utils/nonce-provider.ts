import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response (scripts/server.mjs makes one per request), given to
// the server render by app/entry.server.tsx. In the browser it is empty: browsers hide nonces from the DOM.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
