import Mustache

// swift-mustache renders a value that is not `MustacheCustomRenderable` only after casting it to
// a lambda and to an optional and printing it with `String(describing:)`: dynamic casts that
// were a good part of every page's rendering. The values our view models hold answer at the
// first cast instead, with the same text: `String(describing:)` of a String, Int or Bool is the
// value itself, its decimal digits, or true/false. Escaping is unchanged: the library still
// passes `renderText` of an escaped `{{tag}}` through the content type (`HTMLEscaping`).
//
// `isNull` is false, as the library assumes for any other value, so sections behave as before: a
// Bool section still takes its `as Bool` branch (checked before this protocol), and a String or
// Int section still renders once with the value on the stack.

extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}

extension Bool: @retroactive MustacheCustomRenderable {
    public var renderText: String { self ? "true" : "false" }
    public var isNull: Bool { false }
}
