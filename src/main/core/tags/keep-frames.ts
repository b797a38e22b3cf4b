// Two things node-taglib-sharp 6.0.3 loses when it saves an ID3v2 tag, which an edit of the
// album must not lose (the corpus round trip, test/integration/tags/corpus-real.test.ts, found
// both and fails if either comes back):
// - in an ID3v2.3 tag, every frame ID3v2.3 does not define (TSOP, TSOA, TSOT…), which iTunes and
//   MusicBrainz Picard write into ID3v2.3 tags all the same: such a frame is written back under
//   its own name (a private field of the frame identifiers, hence the exact version pinned);
// - the musician credits (TMCL): it rebuilds the frame from the performer roles it matched
//   against the artists (TPE1), which drops every musician not among them (often all of them).
//   Tonearm never sets roles, so the frame is left as the file has it.
// And its genre handling for ID3v2.2/2.3 rewrites a genre it did not set: "Jazz; Funk" is split
// and saved back as "(8) Funk" (the ID3v1 number of Jazz). Genres are kept as text and as
// written; tag-file.ts splits them on ";" itself, as Tonearm's scanner does.
import { Id3v2FrameIdentifiers, Id3v2Settings, Id3v2Tag } from 'node-taglib-sharp';

/** ID3v2.4 frames with no ID3v2.3 counterpart (the dates TDRC/TDOR are converted, not kept). */
const KEPT_IN_V23 = ['TSOA', 'TSOP', 'TSOT', 'TSST', 'TMOO', 'TPRO', 'TDEN', 'TDRL', 'TDTG', 'TMCL'] as const;

type Identifier = { _version3?: unknown; _version4?: unknown };
type TagInternals = { setTextFrame: (ident: unknown, ...text: string[]) => void };

let done = false;

export function keepFramesOnSave(): void {
  if (done) return;
  done = true;
  Id3v2Settings.useNumericGenres = false;
  Id3v2Settings.useNonStandardV2V3GenreSeparators = false;
  const identifiers = Id3v2FrameIdentifiers as unknown as Record<string, Identifier>;
  for (const id of KEPT_IN_V23) {
    const identifier = identifiers[id];
    if (identifier && identifier._version3 === undefined) identifier._version3 = identifier._version4;
  }
  const tmcl = identifiers.TMCL;
  const render = Id3v2Tag.prototype.render;
  Id3v2Tag.prototype.render = function (this: Id3v2Tag) {
    const tag = this as unknown as TagInternals;
    const setTextFrame = tag.setTextFrame;
    // Shadowed for this one call: every frame but TMCL is set as the library does.
    tag.setTextFrame = (ident, ...text) => {
      if (ident !== tmcl) setTextFrame.call(this, ident, ...text);
    };
    try {
      return render.call(this);
    } finally {
      delete (tag as Partial<TagInternals>).setTextFrame;
    }
  };
}
