// Reads a large JSON object of the shape { "key": value, "section": [ item, item, … ] } a chunk
// at a time, handing out each top-level field and each item of a top-level array as its own
// text. An import then parses and checks one record at a time, so memory stays at one record and
// one chunk however large the backup file is.

export type JsonSectionEvent =
  | { kind: 'field'; key: string; text: string }
  | { kind: 'section'; key: string }
  | { kind: 'item'; key: string; text: string }
  | { kind: 'end-section'; key: string };

export class JsonShapeError extends Error {
  override name = 'JsonShapeError';
}

type Expect = 'object' | 'key' | 'colon' | 'value' | 'after-value' | 'item' | 'after-item' | 'done';

const isSpace = (code: number): boolean =>
  code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

export class JsonSectionReader {
  private expect: Expect = 'object';
  /** Bracket depth inside the value or item being captured. */
  private nesting = 0;
  private inString = false;
  private escaped = false;
  private capturing = false;
  /** Whether the captured value is a bare number or literal, which ends at a delimiter. */
  private bare = false;
  private pieces: string[] = [];
  private piecesLength = 0;
  private key = '';
  private section: string | null = null;
  private events: JsonSectionEvent[] = [];

  constructor(private readonly maxValueChars: number) {}

  /** Feeds the next chunk of text; returns the fields and items it completed. */
  push(chunk: string): JsonSectionEvent[] {
    let start = this.capturing ? 0 : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const code = chunk.charCodeAt(i);
      if (this.capturing) {
        if (start === -1) start = i;
        if (this.inString && !this.escaped && code !== QUOTE) {
          // Most of a backup is string text: jump to its closing quote rather than walk it.
          const close = this.closingQuote(chunk, i);
          if (close === -1) break;
          i = close - 1;
          continue;
        }
        const end = this.scanCaptured(code);
        if (end === 'continue') continue;
        const upTo = end === 'inclusive' ? i + 1 : i;
        const text = this.finishCapture(chunk.slice(start, upTo));
        start = -1;
        this.emitCaptured(text);
        if (end === 'inclusive') continue;
      }
      if (isSpace(code)) continue;
      if (this.beginsCapture(code)) start = i;
    }
    if (this.capturing && start !== -1) this.keepPiece(chunk.slice(start));
    const done = this.events;
    this.events = [];
    return done;
  }

  /**
   * The closing quote of the string that `from` is inside (not just after a backslash), or -1
   * when the string goes on past this chunk, noting whether the chunk ends mid-escape.
   */
  private closingQuote(chunk: string, from: number): number {
    const backslashesBefore = (at: number) => {
      let count = 0;
      while (at - count - 1 >= from && chunk.charCodeAt(at - count - 1) === BACKSLASH) count += 1;
      return count;
    };
    for (let search = from; ;) {
      const quote = chunk.indexOf('"', search);
      if (quote === -1) {
        this.escaped = backslashesBefore(chunk.length) % 2 === 1;
        return -1;
      }
      if (backslashesBefore(quote) % 2 === 0) return quote;
      search = quote + 1;
    }
  }

  /** Call after the last chunk: throws if the text stopped before the object closed. */
  end(): void {
    if (this.expect !== 'done') throw new JsonShapeError('the file ends early: is it cut short?');
  }

  private keepPiece(piece: string): void {
    this.pieces.push(piece);
    this.piecesLength += piece.length;
    if (this.piecesLength > this.maxValueChars) {
      const what = this.section ? `an item of "${this.section}"` : `the field "${this.key}"`;
      throw new JsonShapeError(`${what} is larger than ${this.maxValueChars} characters`);
    }
  }

  private finishCapture(last: string): string {
    this.keepPiece(last);
    const text = this.pieces.join('');
    this.pieces = [];
    this.piecesLength = 0;
    this.capturing = false;
    return text;
  }

  /** Where the character leaves the captured value: inside it, or its end (with or without it). */
  private scanCaptured(code: number): 'continue' | 'inclusive' | 'exclusive' {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) {
        this.inString = false;
        if (this.nesting === 0) return 'inclusive';
      }
      return 'continue';
    }
    if (this.bare) {
      const ends = isSpace(code) || code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY;
      return ends ? 'exclusive' : 'continue';
    }
    if (code === QUOTE) this.inString = true;
    else if (code === OPEN_OBJECT || code === OPEN_ARRAY) this.nesting += 1;
    else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      this.nesting -= 1;
      if (this.nesting === 0) return 'inclusive';
    }
    return 'continue';
  }

  private startCapture(code: number): void {
    this.capturing = true;
    this.bare = code !== QUOTE && code !== OPEN_OBJECT && code !== OPEN_ARRAY;
    this.inString = code === QUOTE;
    this.nesting = code === OPEN_OBJECT || code === OPEN_ARRAY ? 1 : 0;
  }

  private emitCaptured(text: string): void {
    if (this.expect === 'key') {
      this.key = JSON.parse(text) as string;
      this.expect = 'colon';
    } else if (this.expect === 'value') {
      this.events.push({ kind: 'field', key: this.key, text });
      this.expect = 'after-value';
    } else {
      this.events.push({ kind: 'item', key: this.section ?? '', text });
      this.expect = 'after-item';
    }
  }

  private unexpected(code: number): never {
    const where = this.section ? `in "${this.section}"` : 'at the top level';
    throw new JsonShapeError(
      `unexpected "${String.fromCharCode(code)}" ${where}: not a backup file`,
    );
  }

  /** Handles a structural character; returns true when it starts a captured value. */
  private beginsCapture(code: number): boolean {
    switch (this.expect) {
      case 'object':
        if (code !== OPEN_OBJECT) this.unexpected(code);
        this.expect = 'key';
        return false;
      case 'key':
        if (code === CLOSE_OBJECT) return this.close();
        if (code !== QUOTE) this.unexpected(code);
        this.startCapture(code);
        return true;
      case 'colon':
        if (code !== COLON) this.unexpected(code);
        this.expect = 'value';
        return false;
      case 'value':
        if (code === OPEN_ARRAY) return this.openSection();
        this.startCapture(code);
        return true;
      case 'after-value':
        if (code === CLOSE_OBJECT) return this.close();
        if (code !== COMMA) this.unexpected(code);
        this.expect = 'key';
        return false;
      case 'item':
        if (code === CLOSE_ARRAY) return this.closeSection();
        this.startCapture(code);
        return true;
      case 'after-item':
        if (code === CLOSE_ARRAY) return this.closeSection();
        if (code !== COMMA) this.unexpected(code);
        this.expect = 'item';
        return false;
      case 'done':
        return this.unexpected(code);
    }
  }

  private close(): false {
    this.expect = 'done';
    return false;
  }

  private openSection(): false {
    this.section = this.key;
    this.events.push({ kind: 'section', key: this.key });
    this.expect = 'item';
    return false;
  }

  private closeSection(): false {
    this.events.push({ kind: 'end-section', key: this.section ?? '' });
    this.section = null;
    this.expect = 'after-value';
    return false;
  }
}
