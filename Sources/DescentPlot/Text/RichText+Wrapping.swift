extension RichText {
    /// The text broken at its spaces into as few lines as fit in `width`, as `measure` measures a
    /// line, with the lines evened out: wrapped at the narrowest width that needs no more lines,
    /// so that the last line is not left holding a lone word. A text that fits, or has no word
    /// (only spaces), is returned as it is: always at least one line. A word wider than `width`
    /// gets a line of its own. Spans keep their size and rise
    /// across the breaks.
    ///
    /// - Complexity: O(w log(width)) candidate lines for w words: greedy wrapping is repeated while
    ///   the width is bisected down to half a unit. Each distinct candidate is measured once (the
    ///   passes try mostly the same ones), so `measure` runs O(w²) times at most, and about 2w
    ///   times for a note's few lines.
    public func wrapped(width: Double, measure: (RichText) -> Double) -> [RichText] {
        let words = self.words
        let whole = measure(self)
        guard whole > width, !words.isEmpty else { return [self] }
        var measured: [RichText: Double] = [self: whole]
        func measureOnce(_ line: RichText) -> Double {
            if let known = measured[line] { return known }
            let result = measure(line)
            measured[line] = result
            return result
        }
        func greedy(_ width: Double) -> [RichText] {
            var lines: [RichText] = []
            var current: RichText?
            for word in words {
                guard let line = current else {
                    current = word
                    continue
                }
                let candidate = line.joined(with: word)
                if measureOnce(candidate) > width {
                    lines.append(line)
                    current = word
                } else {
                    current = candidate
                }
            }
            if let current { lines.append(current) }
            return lines
        }
        let fewest = greedy(width).count
        // Greedy wrapping never needs fewer lines at a narrower width, so bisect to half a unit.
        var (narrow, wide) = (0.0, width)
        while fewest > 1, wide - narrow > 0.5 {
            let middle = (narrow + wide) / 2
            if greedy(middle).count <= fewest { wide = middle } else { narrow = middle }
        }
        return greedy(wide)
    }

    /// The runs of non-space characters, each with the styles of its characters (runs of a word
    /// across spans stay apart, as in the text).
    private var words: [RichText] {
        var words: [RichText] = []
        var word: [TextSpan] = []
        for span in spans {
            for character in span.text {
                if character == " " {
                    if !word.isEmpty { words.append(RichText(spans: word)) }
                    word = []
                } else if let last = word.last, last.scale == span.scale, last.rise == span.rise {
                    word[word.count - 1].text.append(character)
                } else {
                    word.append(TextSpan(String(character), scale: span.scale, rise: span.rise))
                }
            }
        }
        if !word.isEmpty { words.append(RichText(spans: word)) }
        return words
    }

    /// This text, a space, and `next`, the space in the style of this text's end, which it joins.
    private func joined(with next: RichText) -> RichText {
        var spans = self.spans
        spans[spans.count - 1].text.append(" ")
        for span in next.spans {
            if let last = spans.last, last.scale == span.scale, last.rise == span.rise {
                spans[spans.count - 1].text += span.text
            } else {
                spans.append(span)
            }
        }
        return RichText(spans: spans)
    }
}
