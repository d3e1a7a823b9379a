declare const holds: unique symbol;

/**
 * JSON already serialized, typed by what it holds: an answer stored as text (a locked round's
 * report, sent byte for byte) keeps its place in the contract. Only code that built the text
 * from a T may brand it so.
 */
export type JsonText<T> = string & { readonly [holds]: T };
