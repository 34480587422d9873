/// A recursive-descent parser for the expression language.
///
/// Grammar (lowest precedence first):
/// ```
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/") unary)*
/// unary   := ("-" | "+") unary | power
/// power   := primary (("^" | "**") unary)?        right-associative: 2^3^2 = 2^(3^2)
/// primary := number | name | name "(" sum ")" | "(" sum ")"
/// ```
/// Unary minus binds looser than `^`, so `-x^2` is `-(x^2)`, as in Python and NumPy.
/// Names are `x0`…`x9`, `x`, `y`, `z` (meaning `x0`, `x1`, `x2`), the constants `pi` and `e`, and the
/// functions of ``MathFunction``. `**` is accepted as a synonym of `^`, so the book's Python reads as is.
///
/// ## Limits
/// Parsing, differentiating, compiling and even releasing an expression recurse over its tree, so
/// the tree's depth must stay within what any thread's stack holds. Two limits keep it there:
/// at most ``maximumLength`` characters (which bounds a chain such as `x+x+…+x`, whose tree is as
/// deep as it is long) and at most ``maximumNesting`` levels of nesting, where every parenthesis,
/// function call, sign and exponent opens one level (`-(x^-y)` is 5 deep: the whole is one). Real objectives are
/// far inside both; a text past either is refused with an error that names the limit.
public struct ExpressionParser {
    /// The longest text accepted, in characters.
    public static let maximumLength = 2_000
    /// The deepest nesting accepted: see "Limits" above.
    public static let maximumNesting = 100

    private let tokens: [Token]
    private var position = 0
    /// How many `parseUnary` calls are active: every nesting passes through it.
    private var nesting = 0

    /// Parses `text`, or throws an ``ExpressionError`` naming the 1-based column of the fault.
    ///
    /// - Complexity: O(`text.count`), at most ``maximumLength`` characters and ``maximumNesting`` deep.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        let length = text.count
        guard length <= maximumLength else {
            throw ExpressionError(
                message: "the expression is \(length) characters long", column: nil,
                hint: "at most \(maximumLength) are allowed")
        }
        var parser = ExpressionParser(tokens: try Lexer.tokens(of: text))
        guard parser.current.kind != .end else {
            throw ExpressionError(message: "the expression is empty", column: nil)
        }
        let expression = try parser.parseSum()
        if case .closeParenthesis = parser.current.kind {
            throw ExpressionError(message: "unmatched ')'", column: parser.current.column)
        }
        guard parser.current.kind == .end else {
            throw parser.unexpected()
        }
        return expression
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[position] }

    private mutating func advance() {
        position += 1
    }

    private mutating func parseSum() throws(ExpressionError) -> Expression {
        var left = try parseProduct()
        while case .operator(let symbol) = current.kind, symbol == .add || symbol == .subtract {
            advance()
            left = .binary(symbol, left, try parseProduct())
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while case .operator(let symbol) = current.kind, symbol == .multiply || symbol == .divide {
            advance()
            left = .binary(symbol, left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw ExpressionError(
                message: "the expression nests deeper than \(Self.maximumNesting) levels", column: current.column,
                hint: "each parenthesis, function call, sign and exponent opens one")
        }
        if case .operator(let symbol) = current.kind, symbol == .add || symbol == .subtract {
            advance()
            let operand = try parseUnary()
            return symbol == .subtract ? .negate(operand) : operand
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(ExpressionError) -> Expression {
        let base = try parsePrimary()
        guard case .operator(.power) = current.kind else { return base }
        advance()
        return .binary(.power, base, try parseUnary())
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .constant(value)
        case .openParenthesis:
            advance()
            let inner = try parseSum()
            try expectClosingParenthesis(openedAt: token.column)
            return inner
        case .name(let name):
            advance()
            if case .openParenthesis = current.kind {
                return try parseCall(name: name, at: token.column)
            }
            return try Self.resolve(name: name, at: token.column)
        case .operator, .closeParenthesis, .end:
            throw unexpected()
        }
    }

    private mutating func parseCall(name: String, at column: Int) throws(ExpressionError) -> Expression {
        guard let function = MathFunction(rawValue: name) else {
            throw ExpressionError(
                message: "unknown function '\(name)'", column: column, hint: "known: \(MathFunction.namesList)")
        }
        let openColumn = current.column
        advance()
        let argument = try parseSum()
        try expectClosingParenthesis(openedAt: openColumn)
        return .call(function, argument)
    }

    private mutating func expectClosingParenthesis(openedAt column: Int) throws(ExpressionError) {
        switch current.kind {
        case .closeParenthesis:
            advance()
        case .end:
            throw ExpressionError(message: "missing ')' to close the '(' opened", column: column)
        default:
            throw unexpected()
        }
    }

    private func unexpected() -> ExpressionError {
        switch current.kind {
        case .end:
            ExpressionError(
                message: "unexpected end of expression", column: current.column,
                hint: "expected a number, a variable or '('")
        default:
            ExpressionError(message: "unexpected '\(current.text)'", column: current.column)
        }
    }

    /// The meaning of a bare name: a variable or a constant.
    private static func resolve(name: String, at column: Int) throws(ExpressionError) -> Expression {
        switch name {
        case "x": return .variable(0)
        case "y": return .variable(1)
        case "z": return .variable(2)
        case "pi": return .constant(Double.pi)
        case "e": return .constant(2.718281828459045)
        default:
            if name.count == 2, name.first == "x", let digit = name.last?.wholeNumberValue {
                return .variable(digit)
            }
            if MathFunction(rawValue: name) != nil {
                throw ExpressionError(message: "function '\(name)' needs an argument in parentheses", column: column)
            }
            throw ExpressionError(
                message: "unknown name '\(name)'", column: column,
                hint: "variables are x0…x9, x, y, z; constants pi, e")
        }
    }
}

/// A fault in an expression's text, with the 1-based column where it was found.
public struct ExpressionError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `unexpected '^'`.
    public let message: String
    /// 1-based column of the fault; one past the last character when the text ends too early.
    public let column: Int?
    /// What would be allowed there, when that helps.
    public let hint: String?

    init(message: String, column: Int?, hint: String? = nil) {
        self.message = message
        self.column = column
        self.hint = hint
    }

    /// `unknown function 'foo' at column 1; known: sin, cos, …`.
    public var description: String {
        let located = column.map { "\(message) at column \($0)" } ?? message
        return hint.map { "\(located); \($0)" } ?? located
    }
}

/// One lexical unit of an expression, with the 1-based column where it starts.
struct Token {
    enum Kind: Equatable {
        case number(Double)
        case name(String)
        case `operator`(BinaryOperator)
        case openParenthesis
        case closeParenthesis
        case end
    }

    let kind: Kind
    let text: String
    let column: Int
}

/// Splits an expression into tokens. Numbers are read as Python's `float()` reads them
/// (correctly rounded): `3`, `.5`, `2.`, `1e-4`, `6.02E23`.
enum Lexer {
    static func tokens(of text: String) throws(ExpressionError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character.isASCII && (character.isNumber || character == ".") {
                let end = numberEnd(in: characters, from: index)
                let literal = String(characters[index..<end])
                guard let value = Double(literal) else {
                    throw ExpressionError(message: "malformed number '\(literal)'", column: column)
                }
                tokens.append(Token(kind: .number(value), text: literal, column: column))
                index = end
            } else if character.isASCII && (character.isLetter || character == "_") {
                var end = index
                while end < characters.count, characters[end].isASCII,
                    characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
                {
                    end += 1
                }
                let name = String(characters[index..<end])
                tokens.append(Token(kind: .name(name), text: name, column: column))
                index = end
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                tokens.append(Token(kind: .operator(.power), text: "**", column: column))
                index += 2
            } else if let symbol = BinaryOperator(rawValue: character) {
                tokens.append(Token(kind: .operator(symbol), text: String(character), column: column))
                index += 1
            } else if character == "(" || character == ")" {
                let kind: Token.Kind = character == "(" ? .openParenthesis : .closeParenthesis
                tokens.append(Token(kind: kind, text: String(character), column: column))
                index += 1
            } else {
                throw ExpressionError(message: "unexpected character '\(character)'", column: column)
            }
        }
        tokens.append(Token(kind: .end, text: "", column: characters.count + 1))
        return tokens
    }

    /// The index just past the number literal starting at `start`: digits and one point, then an
    /// optional exponent (`e` or `E`, an optional sign, and at least one digit).
    private static func numberEnd(in characters: [Character], from start: Int) -> Int {
        var end = start
        var seenPoint = false
        while end < characters.count {
            let character = characters[end]
            if character.isASCII && character.isNumber {
                end += 1
            } else if character == ".", !seenPoint {
                seenPoint = true
                end += 1
            } else {
                break
            }
        }
        guard end < characters.count, characters[end] == "e" || characters[end] == "E" else { return end }
        var exponentEnd = end + 1
        if exponentEnd < characters.count, characters[exponentEnd] == "+" || characters[exponentEnd] == "-" {
            exponentEnd += 1
        }
        let digitsStart = exponentEnd
        while exponentEnd < characters.count, characters[exponentEnd].isASCII, characters[exponentEnd].isNumber {
            exponentEnd += 1
        }
        return exponentEnd > digitsStart ? exponentEnd : end
    }
}
