// A translation must have every key of the English original, with a string wherever English has one.
// Plural forms are the exception: each language has its own (German and English both use _one/_other).
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
