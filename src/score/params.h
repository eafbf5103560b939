/* The scorer's thresholds, in one place (used by the phases in src/score). Each says what it
 * does and what it was measured on; "by hand" means set by hand on the
 * development sets (../shared/bench: trafilatura-dev, cleaneval-dev,
 * scrapinghub, dragnet, chinese-wce, and corpus/), with no sweep recorded.
 * Lengths are in characters of text without white space (wn_text_stats);
 * "weighted" lengths count a CJK character as three (weighted_length()).
 * Link density (LD) is link characters / characters. The literal types
 * (float or int) are the ones the code always had: changing one changes
 * comparisons. */
#ifndef WN_SCORE_PARAMS_H
#define WN_SCORE_PARAMS_H

/* ---- shared by several rules -------------------------------------------------- */

/* Kept text before a block, inside the region, from which the article "has
 * begun": a clutter line or heading after it closes the article rather than
 * opening the page (late widgets, section headers, link tails, teaser lists,
 * app calls, counts, section markers, orphan labels, stranded headings). By
 * hand. */
#define BEGUN_CHARS 200
/* The same for an author's bio heading, which names its box sooner. By hand. */
#define AUTHOR_BEGUN_CHARS 50
/* Below this LD a block reads as prose: siblings and parts of the article,
 * the next post of a list of posts, the ancestor the top moves up to. By
 * hand. */
#define LD_PROSE 0.25f
/* Above this LD a block is mostly links (paragraph votes, link-dense boxes,
 * prose paragraphs, tails of links, inline runs of links, marker lines
 * measured by their unlinked words). By hand. */
#define LD_MOSTLY_LINKS 0.5f
/* At least this LD: nearly all links (a paragraph that lists links, an
 * announced list that is a menu, a hover card, a run of link lines). By hand. */
#define LD_NEARLY_ALL 0.9f
/* Rules that look at a block's neighbours look only this far: a walk over
 * all of a parent's children for each child would make a page of many
 * short lines quadratic. (Bounds work, not a figure.) */
#define SIBLING_REACH 16
/* A wrapper holds "only" its child when it has at most this times the
 * child's text (parts and chunks walk up through such wrappers). By hand. */
#define WRAPPER_SLACK 1.1f

/* ---- candidates: content scores (after Readability) --------------------------- */

/* Readability's base scores by tag: containers, cells and quotes, lists
 * and form parts, headings (Readability's values). */
#define TAG_BASE_CONTAINER 5.0f
#define TAG_BASE_CELL 3.0f
#define TAG_BASE_LIST (-3.0f)
#define TAG_BASE_HEADING (-5.0f)
/* Readability's class weight: a positive, strong or clutter/meta class
 * word adds or takes this much (Readability's value). */
#define HINT_WEIGHT 25.0f
/* A block votes as a paragraph from this weighted length, and not when its
 * own text is more links than this (Readability's 25; the LD by hand). */
#define PARAGRAPH_MIN_LEN 25.0f
#define PARAGRAPH_MAX_LD 0.5f
/* A paragraph's vote: 1, its commas, and one per this many weighted
 * characters up to a cap (Readability's values); a list item's is scaled
 * (by hand). */
#define PARAGRAPH_LEN_UNIT 100.0f
#define PARAGRAPH_LEN_MAX 3.0f
#define LIST_ITEM_VOTE 0.5f
/* Ancestors a paragraph votes for (Readability's 5 levels). */
#define VOTE_LEVELS 5
/* Moving the top candidate up to an ancestor (measured on the bench sets:
 * 0.5 and 1.6 gave the best trafilatura-dev and cleaneval figures and left
 * scrapinghub, dragnet and chinese-wce as they were). */
#define SCORE_UP_RATIO 0.5f
#define HINT_SCALE 0.5f
#define HINT_ADD 0.4f
#define PROSE_UP_RATIO 1.6f
/* Class words scale a score at least by this much; the additive part
 * counts fully from this many characters (measured with HINT_SCALE: a
 * 100-character "entry-content" tweet box must not beat the article). */
#define HINT_SCALE_MIN 0.2f
#define HINT_ADD_FULL_CHARS 400.0f
/* Moving up to an ancestor named as the article's body ("post-body") needs
 * only this much more prose (measured: 1.15 on dragnet, where a long post's
 * largest <div> of paragraphs was taken for the whole; 1.05 takes a
 * named wrapper's sidebar along on scrapinghub), at an LD at most this
 * much above the top's (by hand). */
#define NAMED_UP_RATIO 1.15f
#define NAMED_UP_LD_MARGIN 0.05f
/* An ancestor at most this linked, around PROSE_UP_RATIO times the prose,
 * is the article whatever it scores (nested layout tables). By hand. */
#define UNLINKED_LD 0.01f
/* Readability: the top moves up through parents that score at least its
 * score divided by this (Readability's 3). */
#define PARENT_SCORE_DIVISOR 3.0f
/* A candidate inside a sidebar or widget box counts this much of its score
 * against the others; a box holding more of the page is layout (by hand). */
#define SIDE_FACTOR 0.5f
#define SIDE_MAX_SHARE 0.9f
/* A clutter-named wrapper holding this share of the page is layout. By
 * hand. */
#define LAYOUT_SHARE 0.9f
/* An overlay (rule dialog: role=dialog or alertdialog, aria-modal="true")
 * holding less than this share of the page's text is a box above it (a
 * consent centre, a sign-in form); one holding more is the page shown in a
 * modal. By hand. */
#define DIALOG_MAX_SHARE 0.5f
/* One with at least DIALOG_CONTROLS form controls (switches, buttons) is a
 * settings panel up to this share of the page. By hand. */
#define DIALOG_CONTROLS 3
#define DIALOG_CONTROLS_MAX_SHARE 0.9f
/* Ad slots, share bars and tip jars that hold this much prose (characters,
 * punctuation, at most this LD) are wrappers of the article. By hand. */
#define WRAPS_PROSE_CHARS 400
#define WRAPS_PROSE_PUNCT 8
#define WRAPS_PROSE_MAX_LD 0.1f
/* A clutter-named subtree of at least this many characters that holds the
 * element named as the article's body is layout. By hand. */
#define NAMED_BODY_MIN_CHARS 400
/* Paragraphs up to this long are read for a note on the reader's browser,
 * which votes for no one. By hand. */
#define BROWSER_NOTICE_CHARS 400
/* A box holding a form field and at most this much text: its other blocks
 * are the field's label and help (rule field-text). By hand. */
#define FIELD_BOX_MAX_CHARS 120

/* ---- region: siblings, parts, chunks -------------------------------------------- */

/* A sibling joins when it scores at least this share of the top, and at
 * least the minimum; one of the top's class gets this share of the top's
 * score as a bonus (Readability's 10 and 0.2). */
#define SIBLING_MIN_SCORE 10.0f
#define SIBLING_SCORE_SHARE 0.2f
#define SIBLING_CLASS_BONUS 0.2f
/* A sibling of the top's class whose best block scores this share of the
 * top's best; one of its tag this share, at most this LD and this long.
 * By hand. */
#define SHAPE_CLASS_BEST_SHARE 0.2f
#define SHAPE_TAG_BEST_SHARE 0.5f
#define SHAPE_TAG_MAX_LD 0.2f
#define SHAPE_TAG_MIN_CHARS 200
/* A sibling line longer than this (weighted) joins as prose; up to it, only
 * when it ends like a sentence (Readability's 80). */
#define SIBLING_LINE_LEN 80.0f
/* A table layout's box of sentences beside the top joins up to this long.
 * By hand. */
#define TABLE_BOX_MAX_CHARS 400
/* A cousin of the top's class joins when it scores this share of the top.
 * By hand. */
#define PART_SCORE_SHARE 0.5f
/* A chunk (a sibling of the top's wrapper) joins when its best block scores
 * this share of the top's best: of the wrapper's class, or of its shape;
 * up through this many wrappers. By hand. */
#define CHUNK_CLASS_BEST_SHARE 0.5f
#define CHUNK_SHAPE_BEST_SHARE 0.3f
#define CHUNK_LEVELS 4

/* ---- pruning by class words -------------------------------------------------------- */

/* A related-named wrapper holding more than this share of the region's
 * text, at most this LD, with this much punctuation, is the article behind
 * a soft gate. By hand. */
#define GATE_SHARE 0.5f
#define GATE_MAX_LD 0.1f
#define GATE_MIN_PUNCT 20
/* An ad-named box (and named nothing else of clutter) holding more than
 * this share of the region's text is the page's layout, not an ad (rule
 * ad-wrapper). By hand. */
#define AD_WRAPPER_SHARE 0.8f
/* A clutter-named block goes when it holds less than this share of the
 * region or is more linked than this; named as content too, only below the
 * smaller share. By hand. */
#define CLUTTER_SHARE 0.6f
#define CLUTTER_LD 0.4f
#define CLUTTER_CONTENT_SHARE 0.15f
/* A meta- or hidden-named block goes under this length and share. By hand. */
#define META_MAX_CHARS 300
#define META_SHARE 0.3f
/* Rule dated-meta: a meta-named line that gives a date goes under this
 * share of the region (a short post's author and date line). By hand. */
#define META_DATED_SHARE 0.5f
/* Rule post-footer: a post's footer or signature holds at most this many
 * characters (a longer one holds the replies). By hand. */
#define POST_FOOTER_MAX_CHARS 600
#define META_POST_PARAGRAPHS 2
#define META_POST_PUNCT 4
#define META_POST_MAX_LD 0.2f
/* A gallery beside the article holds less than this share of the region,
 * and no paragraph of this length and punctuation. By hand. */
#define GALLERY_SHARE 0.5f
#define GALLERY_PROSE_CHARS 80
#define GALLERY_PROSE_PUNCT 2
/* A widget or clutter box opening after this much text is set after the
 * article; an author's box up to this long. By hand. */
#define LATE_CLUTTER_CHARS 1000
#define AUTHOR_BOX_MAX_CHARS 1500
/* An inline element is a word of its sentence when its block holds this
 * many times its text plus this much. By hand. */
#define INLINE_SENTENCE_TIMES 3
#define INLINE_SENTENCE_EXTRA 40
/* A "header" block heads a section when it is a heading or this long. By
 * hand. */
#define SECTION_HEADER_CHARS 100

/* ---- pruning by links ---------------------------------------------------------------- */

/* A block with links inside sentences: below this LD, with at least this
 * many unlinked characters per link (by hand, on trafilatura-dev). */
#define LD_SENTENCE_MAX 0.85f
#define LD_WORDS_PER_LINK 25.0f
/* A block of more than this share of the region, under this LD, with more
 * punctuation than this, is a link-rich article, not a menu. By hand. */
#define LINK_RICH_SHARE 0.5f
#define LINK_RICH_MAX_LD 0.75f
#define LINK_RICH_PUNCT 10
/* A short link box: more linked than this, shorter than this, with fewer
 * commas than this. By hand. */
#define LINK_BOX_LD 0.3f
#define LINK_BOX_CHARS 200
#define LINK_BOX_COMMAS 2
/* Menus have short links: a pruned list whose links average more than
 * this (weighted) is a list of headlines. By hand. */
#define HEADLINE_LINK_LEN 15.0f
/* A link line (one paragraph, one link) is this long; a paragraph of prose
 * before it at least this long. By hand. */
#define LINK_LINE_MIN_CHARS 15
#define LINK_LINE_MAX_CHARS 120
#define PROSE_P_CHARS 80
/* A headline link of a closing run is this long at most; a line that
 * announces it (a short heading, a line ending in a colon) this long. By
 * hand. */
#define HEADLINE_MAX_CHARS 160
#define INTRO_HEADING_CHARS 40
#define INTRO_LINE_CHARS 80
/* A teaser list: at most this many links and characters, this many "Read
 * more" links; a single teaser card at most this many links and characters.
 * By hand. */
#define TEASER_LIST_MAX_LINKS 60
#define TEASER_LIST_MAX_CHARS 6000
#define TEASER_LIST_MORE 3
#define TEASER_CARD_MAX_LINKS 4
#define TEASER_CARD_MAX_CHARS 600
/* A paragraph of at least this many links, each with this many characters,
 * nearly all linked, is a list of links. By hand. */
#define LINK_LIST_P_LINKS 3
#define LINK_LIST_P_CHARS_PER_LINK 15
/* A list announced by the article's sentence: the sentence is this long.
 * By hand. */
#define ANNOUNCE_MIN_CHARS 20
/* A hover card inside a sentence: at least this many links of this many
 * characters each, in a block with this much unlinked text; a child holding
 * this share of its links is the card itself. By hand. */
#define HOVER_CARD_LINKS 3
#define HOVER_CARD_CHARS_PER_LINK 20
#define HOVER_CARD_SENTENCE_CHARS 40
#define HOVER_CARD_SHARE 0.8f
/* A "Read more" link this short; a teaser card's headline this long. By
 * hand. */
#define READ_MORE_MAX_CHARS 24
#define TEASER_HEADLINE_CHARS 15

/* Rule teaser-run: at least this many cards of a run, each an excerpt of
 * this many unlinked characters at least and this many at most, the cards
 * this share of the run's text; prose of this many characters outside the
 * runs, for them to lose their votes. By hand (forum-dev work half). */
#define TEASER_RUN_CARDS 3
#define TEASER_RUN_EXCERPT_CHARS 80
#define TEASER_RUN_CARD_MAX_CHARS 1500
#define TEASER_RUN_SHARE 0.6f
#define TEASER_RUN_REST_CHARS 300
/* Link density may not take more than this share of the top candidate, and
 * must leave this much text; a short all-link box up to this long stays
 * dropped. By hand. */
#define RESTORE_SHARE 0.5f
#define RESTORE_MIN_KEPT 150
#define RESTORE_LINK_BOX_CHARS 100
/* Rule counter-box: a box of links around a count of at most this many
 * digits stays dropped. By hand. */
#define RESTORE_COUNTER_DIGITS 6
/* Rule script-menu: at least this many anchors without an address,
 * holding this share of a box of at most this many characters. By hand. */
#define SCRIPT_MENU_ITEMS 8
#define SCRIPT_MENU_SHARE 0.6f
#define SCRIPT_MENU_MAX_CHARS 2000
/* A form goes when it holds less than this share of the region. By hand. */
#define FORM_SHARE 0.3f
/* A box of controls (rule control-box): at least MIN form controls and at
 * most CHARS_PER characters of text for each. By hand. */
#define CONTROL_BOX_MIN 8
#define CONTROL_BOX_CHARS_PER 40

/* ---- pruning by visible text ---------------------------------------------------- */

/* Marker lines are read up to this long; the marker words in their first
 * this many bytes. By hand. */
#define MARKER_MAX_CHARS 500
#define MARKER_LEAD_BYTES 95
/* A marker heading opens a section when it is this short; the section may
 * hold at most this share of the region. By hand. */
#define MARKER_HEADING_CHARS 24
#define SECTION_SHARE 0.6f
/* An inline line ("Print") this short; a promo line this long at most, a
 * platform credit this long, a byline this long. By hand. */
#define INLINE_LINE_CHARS 80
#define PROMO_MAX_CHARS 400
#define PLATFORM_MAX_CHARS 300
#define BYLINE_MAX_CHARS 80
/* One tag after a label up to this long is still a tag line; a bare "Tags"
 * heading this long. By hand. */
#define TAGS_LABEL_CHARS 15
#define TAGS_HEADING_CHARS 12
/* A bare "See also" line this long; the list after it under this long. By
 * hand. */
#define SEE_ALSO_CHARS 40
#define SEE_ALSO_LIST_CHARS 1000
/* A line after a "Related" heading this short and this linked. By hand. */
#define LINK_RUN_CHARS 200
/* A line of links to the previous and next posts: this short, this
 * linked. A pager: this short (characters, bytes), a label of this many
 * bytes, this many numbers. By hand. */
#define PREV_NEXT_MAX_CHARS 200
#define PREV_NEXT_LD 0.8f
#define PAGER_MAX_CHARS 40
#define PAGER_MAX_BYTES 60
#define PAGER_LABEL_BYTES 12
#define PAGER_MIN_NUMBERS 2
/* A paragraph that opens prose under a "More" heading: this long, this
 * much punctuation. By hand. */
#define OPENS_PROSE_CHARS 150
#define OPENS_PROSE_PUNCT 2
/* The next post of a list of posts: paragraphs, length. By hand. */
#define NEXT_POST_PARAGRAPHS 2
#define NEXT_POST_CHARS 500

/* ---- after pruning, titles, lead ---------------------------------------------- */

/* An orphan label: a box this short whose label is this short. By hand. */
#define ORPHAN_BOX_CHARS 300
#define ORPHAN_LABEL_CHARS 30
/* A heading is stranded when at least this much went after it, and it is
 * this short. By hand. */
#define STRANDED_GONE_CHARS 30
#define STRANDED_MAX_CHARS 80
/* Rule post-chrome: a box at one place in at least this many posts, each
 * at most this long. By hand (forum-dev work half). */
#define POST_CHROME_MIN_POSTS 3
#define POST_CHROME_MAX_CHARS 40
/* The posts' parent holds at least this share of the kept text; a count
 * in at most this many words is no sentence. By hand. */
#define POST_CHROME_RUN_SHARE 0.33f
#define POST_CHROME_COUNT_WORDS 4
/* The title marks stop at the first paragraph longer than this. By hand. */
#define TITLE_STOP_P_CHARS 40
/* A block repeats the page's title when it is this long (characters, and
 * bytes without white space) and at least NUM/DEN of the title. By hand. */
#define TITLE_MIN_CHARS 6
#define TITLE_MAX_CHARS 200
#define TITLE_MIN_SQUEEZED 12
#define TITLE_SHARE_NUM 2
#define TITLE_SHARE_DEN 5
/* With no headline marked, the title is the first of the first TRIES <h1>
 * whose text (at least MIN_BYTES) the <title> holds. By hand. */
#define TITLE_H1_TRIES 8
#define TITLE_H1_MIN_BYTES 4
/* A note line (lines.c) is at most MAX_CHARS characters, its marker is read
 * in its first LEAD_BYTES bytes, and a byline is at most BYLINE_CHARS. By
 * hand. */
#define NOTE_MAX_CHARS 200
#define NOTE_LEAD_BYTES 95
#define NOTE_BYLINE_CHARS 80
/* A line (lines.c) of at least this many bytes that repeats an earlier
 * line verbatim is dropped; shorter ones ("Yes.", a refrain) repeat
 * without being copies. By hand. */
#define REPEAT_LINE_MIN_BYTES 60
/* A standfirst block: at most this linked; a heading this long (weighted),
 * other blocks this long. By hand. */
#define LEAD_MAX_LD 0.1f
#define LEAD_HEADING_LEN 40.0f
#define LEAD_MIN_LEN 60.0f
/* The standfirst: at most this much text between headline and region; the
 * headline and the article fill this share of their wrapper. By hand. */
#define LEAD_GAP_CHARS 1500
#define LEAD_FILL_SHARE 0.7f
/* A question of a Q&A page this long at least, at most this linked. By hand. */
#define QUESTION_MIN_CHARS 20
#define QUESTION_MAX_LD 0.3f

/* ---- the page's kind (kind.c) ------------------------------------------------- */

/* A discussion: the top sits at most this many levels below an element
 * that repeats, beside it, at least THREAD_MIN_POSTS times with the same
 * tag and class words (digits aside), each holding at the top's place a
 * block of text at most THREAD_POST_MAX_LD linked. By hand. */
#define THREAD_LEVELS 20
#define THREAD_MIN_POSTS 3
/* Nodes of a twin read looking for the top's place by its shape (kind.c,
 * twin_place). */
#define THREAD_TWIN_PLACE_SCAN 4096
#define THREAD_POST_MAX_LD 0.8f
/* A post's date: an element this short (characters) whose text is a date. */
#define THREAD_DATE_MAX_CHARS 40
/* A thread found by its dates (rule thread-dates): the top's post date is
 * looked for at most HEAD_LEVELS above the top, before it or after at most
 * HEAD_CHARS of its text; a date opens a post when POST_CHARS of text not
 * in links follow it before the next; two dates are in the same
 * place when they and KEY_LEVELS - 1 of their ancestors have one shape; the
 * element holding the thread is at most MAX_LD linked (a news page's
 * column of dated blocks is link-heavy) and holds at least MIN_POSTS posts
 * (a first post and its one reply); a date's text nodes hold at most
 * MAX_BYTES bytes. By hand. */
#define THREAD_HEAD_LEVELS 4
#define THREAD_DATE_MAX_BYTES 256
#define THREAD_HEAD_CHARS 200
#define THREAD_DATE_POST_CHARS 20
#define THREAD_DATE_KEY_LEVELS 2
#define THREAD_DATES_MAX_LD 0.3f
#define THREAD_DATES_MIN_POSTS 2
/* A blog's front page (rule first-post): a run of posts of which at least
 * THREAD_MIN_POSTS and NUM/DEN of those with text carry, after their text,
 * a link of at most LINK_CHARS characters whose text points to the post's
 * own comments, and as many carry a date, each no later than the one
 * before. By hand. */
#define FIRST_POST_LINK_CHARS 40
#define FIRST_POST_SHARE_NUM 2
#define FIRST_POST_SHARE_DEN 3
/* A post and its replies (rule thread-replies): at least MIN_DATED replies
 * after the top with an author and a date in a <time> element, at
 * least MIN_NESTED of them replies to a reply, and at most MAX_KEPT
 * characters kept in the body (a question or a post, not a long article
 * with reader comments: without this bound an article page of the sets
 * whose comments are dated so flips too). By hand. */
#define THREAD_REPLIES_MIN_DATED 5
#define THREAD_REPLIES_MIN_NESTED 2
#define THREAD_REPLIES_MAX_KEPT 2500
/* A post and replies signed as it is (rule thread-signed): at most
 * MAX_KEPT characters kept in the body (a post, not a long article), at
 * least MIN_REPLIES replies after the top with an author and a date, and
 * of those more than half (SHARE_NUM/SHARE_DEN) carry an author or date
 * element of a class (and tag) that the post's own box carries too. By
 * hand, on the work half of forum-dev against dragnet's commented posts. */
#define THREAD_SIGNED_MAX_KEPT 2500
#define THREAD_SIGNED_MIN_REPLIES 3
#define THREAD_SIGNED_SHARE_NUM 1
#define THREAD_SIGNED_SHARE_DEN 2
#define THREAD_SIGNED_MAX_KEYS 64
#define THREAD_SIGNED_NAME_CHARS 64
#define THREAD_SIGNED_NUMBER_CHARS 8
/* A page is its thread when the comment-named posts dropped from the region
 * held at least this share of it and less than THREAD_EMPTIED_KEPT
 * characters of it were kept (a heading in the region repeats the page's
 * title). By hand. */
#define THREAD_EMPTIED_SHARE 0.5f
#define THREAD_EMPTIED_KEPT 20
/* Rule numbered-thread: at least this many posts numbered in order, under
 * a post of less than this many kept characters. By hand. */
#define THREAD_NUMBERED_POSTS 3
#define THREAD_NUMBERED_KEPT 1500

/* A discussion post's author is a name of at most this many words ("Mary
 * Ann de la Cruz"); longer is a sentence of the page. By hand, on the
 * forum-dev and corpus posts. */
#define POST_AUTHOR_MAX_WORDS 5

/* Rule control-row: a row of at least CONTROL_ROW_ITEMS short items
 * (each at most CONTROL_ROW_ITEM_CHARS, no punctuation) of which at least
 * half went as controls or clutter; what is left of it holds at most
 * CONTROL_ROW_KEPT_CHARS. By hand. */
#define CONTROL_ROW_ITEMS 3
#define CONTROL_ROW_ITEM_CHARS 16
#define CONTROL_ROW_KEPT_CHARS 32
/* Rule stat-list: at least STAT_LIST_ITEMS items of at most
 * STAT_LIST_ITEM_CHARS each, three in four a count and a word. By hand. */
#define STAT_LIST_ITEMS 4
#define STAT_LIST_ITEM_CHARS 12

/* Rule user-card: a box beside a post's named body of at least
 * USER_CARD_LINES short lines (each at most USER_CARD_LINE_CHARS, no
 * sentence), at most USER_CARD_MAX_CHARS in all. By hand. */
#define USER_CARD_LINES 4
#define USER_CARD_LINE_CHARS 40
#define USER_CARD_MAX_CHARS 300

#endif
