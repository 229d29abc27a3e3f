//! Break points for text that has none: a run of letters, digits or
//! symbols with no space, hyphen or slash in it (a long web address, 400
//! digits, words joined by no-break spaces) would run past the paper's
//! edge and be cut off in print. In a run longer than [`LONGEST_RUN`]
//! grapheme clusters, no-break spaces become spaces; a piece still too
//! long gets a zero-width space, where a line may break, after every
//! [`BREAK_EVERY`] clusters, never inside a cluster. The
//! `text-outside` check stays as the net for anything else.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation as _;

/// The longest run printed as it is: it fits across a wallet card.
const LONGEST_RUN: usize = 30;
/// How many clusters of a longer run go between two break points.
const BREAK_EVERY: usize = 12;
/// Where Typst may break a line and nothing is drawn.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// The spaces that keep the words beside them on one line.
const KEEP_TOGETHER: [char; 3] = ['\u{A0}', '\u{202F}', '\u{2007}'];

/// Whether a line may break at or after `c` already.
fn breaks(c: char) -> bool {
    (c.is_whitespace() && !KEEP_TOGETHER.contains(&c))
        || matches!(
            c,
            '-' | '/' | '\u{2010}' | '\u{2013}' | '\u{2014}' | '?' | '&' | '|' | ZERO_WIDTH_SPACE
        )
}

/// `text` with each run longer than [`LONGEST_RUN`] made breakable: its
/// no-break spaces made spaces, and a break point after every
/// [`BREAK_EVERY`] clusters of a piece still longer.
pub(crate) fn breakable(text: &str) -> Cow<'_, str> {
    let mut run = 0usize;
    let too_long = text.graphemes(true).any(|cluster| {
        run = if cluster.chars().any(breaks) {
            0
        } else {
            run + 1
        };
        run > LONGEST_RUN
    });
    if !too_long {
        return Cow::Borrowed(text);
    }
    let clusters: Vec<&str> = text.graphemes(true).collect();
    let mut out = String::with_capacity(text.len() + text.len() / BREAK_EVERY * 3);
    let mut start = 0;
    while start < clusters.len() {
        // The run from `start`: clusters up to the next break.
        let length = clusters[start..]
            .iter()
            .position(|cluster| cluster.chars().any(breaks))
            .unwrap_or(clusters.len() - start);
        let run = &clusters[start..start + length];
        if run.len() > LONGEST_RUN {
            push_broken(run, &mut out);
        } else {
            out.extend(run.iter().copied());
        }
        if let Some(cluster) = clusters.get(start + length) {
            out.push_str(cluster);
        }
        start += length + 1;
    }
    Cow::Owned(out)
}

/// A run too long for a line, made breakable: the no-break spaces that
/// asked to keep its words on one line become spaces (they cannot be
/// kept), and each piece between them still too long gets a break point
/// after every [`BREAK_EVERY`] clusters.
fn push_broken(run: &[&str], out: &mut String) {
    let keeps_together = |cluster: &&str| cluster.chars().any(|c| KEEP_TOGETHER.contains(&c));
    for (i, piece) in run.split(keeps_together).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, cluster) in piece.iter().enumerate() {
            if piece.len() > LONGEST_RUN && j > 0 && j % BREAK_EVERY == 0 {
                out.push(ZERO_WIDTH_SPACE);
            }
            out.push_str(cluster);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_run_longer_than_a_card_line_gets_break_points() {
        let plain =
            "Ne signez rien. Appelez le +1 (555) 010-1234, https://example.org/know-your-rights";
        assert!(matches!(breakable(plain), Cow::Borrowed(_)));
        let digits = "7".repeat(400);
        let broken = breakable(&digits);
        let parts: Vec<&str> = broken.split(ZERO_WIDTH_SPACE).collect();
        assert_eq!(parts.len(), 34);
        assert!(parts.iter().all(|p| p.len() <= BREAK_EVERY));
        assert_eq!(broken.replace(ZERO_WIDTH_SPACE, ""), digits);
        // Words joined by no-break spaces are one run: too long for a
        // line, they are joined by spaces instead. A short one is kept.
        let joined = ["mot"; 20].join("\u{A0}");
        assert_eq!(breakable(&joined), ["mot"; 20].join(" "));
        let kept = "10\u{A0}000\u{A0}€, ne signez rien";
        assert_eq!(breakable(kept), kept);
        let mixed = format!("{kept} {}", ["mot"; 20].join("\u{A0}"));
        assert_eq!(
            breakable(&mixed),
            format!("{kept} {}", ["mot"; 20].join(" "))
        );
    }

    #[test]
    fn a_break_point_never_splits_a_cluster() {
        let accents = "e\u{301}".repeat(40);
        let broken = breakable(&accents);
        for part in broken.split(ZERO_WIDTH_SPACE) {
            assert!(part.starts_with('e'), "{part:?}");
        }
        let text = format!("short words, then {}", "ا".repeat(50));
        let broken = breakable(&text);
        assert!(broken.starts_with("short words, then "));
        assert_eq!(broken.matches(ZERO_WIDTH_SPACE).count(), 4);
    }
}
