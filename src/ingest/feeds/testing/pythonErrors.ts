/** How an `Expect:` evaluation can end other than true or false (pythonExpr.ts). */

/** A field feedparser has and our model deliberately does not: the case is counted, not failed. */
export class NotModelled extends Error {}

/** The expression uses Python we do not evaluate (a class check, locals()): also "not modelled". */
export class Unsupported extends NotModelled {}

/** Python's KeyError / IndexError / TypeError: the expectation fails. */
export class PyError extends Error {}
