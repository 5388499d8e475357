import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeEntities, htmlToText, inlineText } from "./text.ts";

test("decodeEntities: named, decimal, hex, windows-1252 range; unknown names kept", () => {
  assert.equal(
    decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27;"),
    "a & b <c> \"d\" 'e'",
  );
  assert.equal(decodeEntities("&#8220;x&#8221; &#x1F600; &eacute;"), "“x” 😀 é");
  assert.equal(decodeEntities("&#150; &#153;"), "– ™");
  assert.equal(decodeEntities("&notanentity; &#0; & alone"), "&notanentity; \ufffd & alone");
  // Names of Object.prototype's properties are not entities.
  assert.equal(
    decodeEntities("&constructor; &toString; &__proto__;"),
    "&constructor; &toString; &__proto__;",
  );
});

test("htmlToText keeps paragraphs and line breaks, drops scripts, styles and comments", () => {
  const html =
    "<p>One <b>bold</b>\n  line.</p><p>Two<br>lines</p><script>evil()</script><style>p{}</style><!-- c --><ul><li>a</li><li>b</li></ul>";
  assert.equal(htmlToText(html), "One bold line.\n\nTwo\nlines\n\na\nb");
  assert.equal(htmlToText("first<p>second<p>third"), "first\n\nsecond\n\nthird");
  assert.equal(htmlToText("<![CDATA[x < y]]>"), "x < y");
  assert.equal(htmlToText("a\u0093quoted\u0094 \u0081"), "a“quoted”");
});

test("inlineText makes one line and turns empty into null", () => {
  assert.equal(inlineText("  <h1>Big\n news</h1>  "), "Big news");
  assert.equal(inlineText("<img src=x>"), null);
  assert.equal(inlineText(null), null);
});
