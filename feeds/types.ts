// The domain values every part of the bot shares.

/** One article from a feed, normalised to plain text. */
export interface NewsItem {
  /** The feed's id for the item, else its link, else a hash of title and date. */
  readonly guid: string;
  /** The link with tracking parameters and fragment removed; empty when the feed gave none. */
  readonly link: string;
  readonly title: string;
  readonly summary: string;
  /** Full text when the feed carries it (content:encoded, Atom content), else empty. */
  readonly text: string;
  readonly publishedAt: Date;
  /** ISO 639-1 code, detected from the text and checked against the feed's declaration. */
  readonly language: string | undefined;
  /** The feed's title, or its host when it has none. */
  readonly source: string;
}

/** A theme that an item matched, with the evidence that made it match. */
export interface ThemeHit {
  readonly themeId: string;
  /** 0 to 1: more distinct terms and terms in the headline score higher. */
  readonly score: number;
  /** The terms that fired, as the text wrote them, in order of appearance. */
  readonly terms: readonly string[];
  /** Whether any evidence was in the headline. */
  readonly inTitle: boolean;
}

/** A theme: a named query with how to show its alerts. */
export interface Theme {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly emoji: string;
  /** RGB colour for embeds, 0xRRGGBB. */
  readonly colour: number;
  /** Minimum score for a hit to count. */
  readonly threshold: number;
  readonly query: string;
}
