/* The scoring stage (src/score): choosing the article region and labelling what is pruned.
 * Each page lists the elements (by id) that must be kept, pruned with a
 * given label, or merely left out of the output. */
#include <string.h>

#include "doc_helper.h"
#include "runner.h"
#include "score/score.h"
#include "utf8.h"

enum expect_kind { KEPT, PRUNED, DROPPED };

typedef struct expectation {
    const char *id;
    enum expect_kind kind;
    wn_label label;   /* PRUNED: the label of the nearest pruned node */
} expectation;

typedef struct score_case {
    const char *name;
    const char *html;
    expectation expect[16];
} score_case;

#define EN_PARAS \
    "<p id=\"p1\">We set off early in the morning, when the fog still lay in the valley and the grass " \
    "was wet with dew, and walked for three hours before we saw another soul.</p>" \
    "<p id=\"p2\">The path climbs steadily through old oak woods, crosses a stream on a narrow wooden " \
    "bridge, and then opens onto a wide ridge with views in every direction.</p>" \
    "<p id=\"p3\">At the top we ate our sandwiches in the shelter of a stone wall, watched the clouds " \
    "race across the sky, and agreed that it had been worth every step.</p>"

#define EN_RELATED_LIST \
    "<ul id=\"rel-list\"><li><a href=\"/a\">Ten tips for walking in the rain</a></li>" \
    "<li><a href=\"/b\">The best boots for long hikes this year</a></li>" \
    "<li><a href=\"/c\">Why we love the northern hills in autumn</a></li></ul>"

#define EN_COMMENTS \
    "<div class=\"comment\"><p id=\"c1\">Lovely post, it brings back memories of my own walks in those " \
    "hills, thank you for sharing it with us all.</p></div>" \
    "<div class=\"comment\"><p id=\"c2\">Which map did you use for the ridge section? I tried last " \
    "summer and got lost twice, which was not much fun at all.</p></div>"

#define EN_CHROME_TOP \
    "<html><head><title>A walk in the hills | Example Blog</title></head><body>" \
    "<header id=\"top\" class=\"site-header\"><a href=\"/\">Example Blog</a></header>" \
    "<nav id=\"nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About</a></li>" \
    "<li><a href=\"/archive\">Archive</a></li></ul></nav>"

#define EN_SIDEBAR \
    "<aside id=\"sidebar\" class=\"sidebar\"><h3>Archives</h3><ul><li><a href=\"/2023\">2023</a></li>" \
    "<li><a href=\"/2022\">2022</a></li></ul><p id=\"about\">About me: I write about walking, maps, " \
    "weather and the small pleasures of the outdoors, most weekends.</p></aside>"

#define EN_FOOTER "<footer id=\"foot\">Copyright 2024 Example Blog. All rights reserved.</footer>"

#define ZH_PARAS \
    "<p id=\"p1\">北京的秋天是一年中最美的季节，天高云淡，气候宜人。每到这个时候，香山的红叶就吸引了" \
    "大量游客前来观赏，公园里到处都是拍照的人群。</p>" \
    "<p id=\"p2\">除了香山，颐和园和北海公园也是秋游的好去处。湖水清澈，垂柳依依，古老的建筑在阳光下" \
    "显得格外庄严，让人流连忘返。</p>" \
    "<p id=\"p3\">专家提醒，秋季早晚温差较大，市民出行时要注意增减衣物，同时做好防晒和补水，避免因" \
    "天气干燥引起身体不适。</p>"

#define ZH_PREVNEXT \
    "<p id=\"prev\">上一篇：<a href=\"/1\">冬季旅游攻略</a></p>" \
    "<p id=\"next\">下一篇：<a href=\"/2\">北京最好吃的十家小馆</a></p>"

#define ZH_RELATED_LIST \
    "<ul id=\"rel-list\"><li><a href=\"/3\">香山红叶最佳观赏时间公布</a></li>" \
    "<li><a href=\"/4\">颐和园秋季游览路线推荐</a></li>" \
    "<li><a href=\"/5\">北京周边十大秋游好去处</a></li>" \
    "<li><a href=\"/6\">秋天来了，这些养生知识要知道</a></li></ul>"

#define ZH_TOP \
    "<html><head><meta charset=\"utf-8\"><title>秋天的北京 - 某某网</title></head><body>" \
    "<div id=\"menu\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a> <a href=\"/sports\">体育</a></div>"

#define ZH_BOTTOM "<div id=\"foot\">版权所有 © 某某网</div></body></html>"

/* A negated class word does not count through the stem table: the article
 * in <div class="no-comments"> is no comment thread, and the "About me" box
 * is not extracted instead (once a bug). */
static const score_case NEGATED_CLASS[] = {
    {"article wrapped in class=no-comments",
     "<html><body><div id=\"menu\"><a href=\"/\">Home</a> <a href=\"/a\">About us</a></div>"
     "<div class=\"wrap\"><div class=\"no-comments\">" EN_PARAS "</div>"
     "<div class=\"about\"><p id=\"about\">About me: I write about walking, maps, weather and the small "
     "pleasures of the outdoors, most weekends, and sometimes on weekdays too.</p></div></div></body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}}},
};

static const score_case CASES[] = {
    {"inline 'Read more:' link line between paragraphs, and a bare 'See also' heading + links",
     EN_CHROME_TOP
     "<div id=\"art\"><p id=\"p1\">We set off early in the morning, when the fog still lay in the valley "
     "and the grass was wet with dew, and walked for three hours before we saw another soul.</p>"
     "<p id=\"rm\">Read more: <a href=\"/x\">The best boots for long hikes this year</a></p>"
     "<p id=\"p2\">The path climbs steadily through old oak woods, crosses a stream on a narrow wooden "
     "bridge, and then opens onto a wide ridge with views in every direction.</p>"
     "<h4 id=\"sa\">Lesen Sie auch</h4>" EN_RELATED_LIST
     "<p id=\"p3\">At the top we ate our sandwiches in the shelter of a stone wall, watched the clouds "
     "race across the sky, and agreed that it had been worth every step.</p>"
     "<p id=\"sent\">Read more about the route in our guide, which covers every stile and gate.</p>"
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"sent", KEPT, 0},
      {"rm", PRUNED, WN_LABEL_RELATED}, {"sa", PRUNED, WN_LABEL_RELATED},
      {"rel-list", PRUNED, WN_LABEL_RELATED}}},

    {"a line before the article repeating the page's <title> is its title, not body",
     "<html><head><meta charset=\"utf-8\"><title>北京秋天最美的季节到了，香山红叶、颐和园和北海公园都是秋游的好去处 - 某某网</title></head><body>"
     "<div id=\"menu\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a></div>"
     "<div id=\"wrap\"><div id=\"t\" class=\"bt\">北京秋天最美的季节到了，香山红叶、颐和园和北海公园都是秋游的好去处</div><div id=\"art\">" ZH_PARAS "</div></div>"
     ZH_BOTTOM,
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"t", PRUNED, WN_LABEL_TITLE}}},

    {"the same line is body when the page's <title> says something else",
     "<html><head><meta charset=\"utf-8\"><title>秋游专题 - 某某网</title></head><body>"
     "<div id=\"menu\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a></div>"
     "<div id=\"wrap\"><div id=\"t\" class=\"bt\">北京秋天最美的季节到了，香山红叶、颐和园和北海公园都是秋游的好去处</div><div id=\"art\">" ZH_PARAS "</div></div>"
     ZH_BOTTOM,
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"t", KEPT, 0}}},

    {"Q&A page: the answer wins, the question's text before it joins the region; a discussion (qa-page): "
     "its title opens the text",
     EN_CHROME_TOP
     "<div id=\"main\"><div id=\"q\" class=\"question\"><h1 id=\"qt\">Why does my loop lose the counter?</h1>"
     "<div class=\"q-text\" id=\"qp\">I have a script that reads a file line by line and counts "
     "the matches, but after the loop the counter is zero again. What am I doing wrong?</div>"
     "<div class=\"votes\"><a href=\"/v\">Share</a> <a href=\"/f\">Follow</a></div></div>"
     "<div id=\"answers\"><h2>2 Answers</h2><div class=\"answer accepted\"><div class=\"a-text\">"
     EN_PARAS "</div></div><div class=\"answer\"><div class=\"a-text\"><p id=\"a2\">Another option "
     "is to keep the pipe and put the rest of the script inside the loop.</p></div></div></div></div>"
     "<div id=\"rq\" class=\"related-questions\"><a href=\"/1\">How do I count lines in a file?</a> "
     "<a href=\"/2\">Why is my variable empty after a pipe?</a></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"qp", KEPT, 0}, {"qt", KEPT, 0},
      {"a2", DROPPED, 0}, {"rq", DROPPED, 0}}},

    {"no question joins an article that is not an answer",
     EN_CHROME_TOP
     "<div id=\"q\" class=\"question\"><p id=\"qp\">Have you walked this route yourself, and what did "
     "you think of the long climb up to the ridge? Tell us in the form below.</p></div>"
     "<div class=\"post\"><div class=\"entry\">" EN_PARAS "</div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"qp", DROPPED, 0}}},

    {"article inside a share- and a 'more'-named wrapper (prose is not a share bar)",
     EN_CHROME_TOP
     "<div id=\"main\"><div class=\"share_wrapper\" id=\"sw\"><div class=\"entry\" id=\"more\">" EN_PARAS
     "<p>We came down by the old drove road in the late afternoon, tired, muddy and happy, and found the "
     "village pub just opening its doors.</p></div></div><div class=\"share-bar\" id=\"bar\"><a href=\"/s\">Share</a> <a href=\"/t\">Tweet</a></div></div>"
     EN_SIDEBAR EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"bar", DROPPED, 0},
      {"sidebar", DROPPED, 0}}},

    {"a 'Comments' heading with a comment class still opens the thread after it",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<h2 id=\"ch\" class=\"comments\">Comments</h2>"
     "<div id=\"cm1\"><p>Lovely post, it brings back memories of my own walks in those hills, thank you "
     "for sharing it with us all.</p></div><p id=\"by1\">Posted by: Ann at 5:10 PM</p>"
     "<div id=\"cm2\"><p>Which map did you use for the ridge section? I tried last summer and got lost "
     "twice, which was not much fun at all.</p></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"ch", PRUNED, WN_LABEL_COMMENTS},
      {"cm1", PRUNED, WN_LABEL_COMMENTS}, {"cm2", PRUNED, WN_LABEL_COMMENTS}}},

    {"a short heading whose class names a related list opens it, in any language",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"art\" class=\"post\">" EN_PARAS "</div>"
     "<div id=\"rel\" class=\"post\"><h3 id=\"rh\" class=\"related-posts-title\">Você pode gostar...</h3>"
     "<div id=\"r1\" class=\"post\"><p>A vida requer da gente otimismo e coragem para esperar o melhor e "
     "fazer o melhor acontecer, todos os dias, sem desistir.</p></div>"
     "<div id=\"r2\" class=\"post\"><p>O que une uma família é o amor, o carinho, o querer bem, a certeza "
     "de apoio e as mãos estendidas.</p></div>"
     "<div id=\"r3\" class=\"post\"><p>Gratidão pela vida está nos detalhes, no sorriso dado logo ao "
     "despertar e na prece de agradecimento.</p></div>"
     "<div id=\"r4\" class=\"post\"><p>Força para vencer e fé para acreditar que tudo é possível, que "
     "todo obstáculo pode ser vencido.</p></div></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"r1", DROPPED, 0}, {"r2", DROPPED, 0},
      {"r4", DROPPED, 0}}},

    {"a picture gallery with captions and credits beside the article goes; a slideshow told in paragraphs stays",
     EN_CHROME_TOP
     "<div id=\"art\"><div id=\"gal\" class=\"asset_gallery\"><div class=\"caption\">A walker crosses the "
     "wooden bridge over the stream in the early morning fog.</div><span id=\"cr\">Photo: Ann Smith</span>"
     "<span>Image 1 of 8</span></div>" EN_PARAS
     "<div id=\"show\" class=\"slideshow\"><p id=\"s1\">From the ridge the whole valley opens up below, "
     "with the river winding between the fields and the village.</p></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"s1", KEPT, 0},
      {"gal", PRUNED, WN_LABEL_OTHER}}},

    {"a hover card of headlines tucked into a sentence behind a name goes, the name stays",
     EN_CHROME_TOP
     "<div id=\"art\"><p id=\"hp\">A man pleaded guilty to threatening <span id=\"who\"><a href=\"/p\">Rep. "
     "Ann Smith</a><span id=\"card\"><a href=\"/1\">Council approves the new bridge over the river</a>"
     "<a href=\"/2\">Smith asks court to apply compassion in sentencing</a>"
     "<a href=\"/3\">Progressives oppose the spending bill in the House</a></span></span>, the "
     "prosecutor announced on Monday.</p>" EN_PARAS "</div>" EN_FOOTER "</body></html>",
     {{"hp", KEPT, 0}, {"who", KEPT, 0}, {"card", PRUNED, WN_LABEL_RELATED}, {"p1", KEPT, 0}}},

    {"a 'Tags' line of links goes, inline or as a paragraph",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<strong id=\"tg\">Tags <a href=\"/t/1\">walking</a>, "
     "<a href=\"/t/2\">hills</a>, <a href=\"/t/3\">weather</a></strong>"
     "<p id=\"tp\">Tagged: <a href=\"/t/4\">maps</a> <a href=\"/t/5\">outdoors</a></p></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"tg", PRUNED, WN_LABEL_OTHER},
      {"tp", PRUNED, WN_LABEL_OTHER}}},

    {"article cut into content elements of one shape",
     EN_CHROME_TOP
     "<div id=\"doc\"><section class=\"ce text\" id=\"ce1\"><div class=\"ce__wrap\"><div class=\"rte\">"
     "<p id=\"p1\">We set off early in the morning, when the fog still lay in the valley and the grass "
     "was wet with dew, and walked for three hours before we saw another soul.</p></div></div></section>"
     "<section class=\"ce text\" id=\"ce2\"><div class=\"ce__wrap\"><div class=\"rte\">"
     "<p id=\"p2\">The path climbs steadily through old oak woods, crosses a stream on a narrow wooden "
     "bridge, and then opens onto a wide ridge with views in every direction.</p>"
     "<p id=\"p3\">At the top we ate our sandwiches in the shelter of a stone wall, watched the clouds "
     "race across the sky, and agreed that it had been worth every step, all of us.</p>"
     "</div></div></section></div>" EN_SIDEBAR EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}, {"sidebar", DROPPED, 0}}},

    {"blog: article, related, comments, sidebar",
     EN_CHROME_TOP
     "<div id=\"wrap\"><article id=\"art\">"
     "<h1 id=\"title\">A walk in the hills</h1>"
     "<div class=\"breadcrumbs\" id=\"crumbs\"><a href=\"/\">Home</a> &raquo; <a href=\"/travel\">Travel</a></div>"
     EN_PARAS
     "<div id=\"related\" class=\"related-posts\"><h3>Related posts</h3>" EN_RELATED_LIST "</div>"
     "<div id=\"comments\" class=\"comments\"><h3>2 Comments</h3>" EN_COMMENTS "</div>"
     "</article>" EN_SIDEBAR "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0},
      {"title", PRUNED, WN_LABEL_TITLE},
      {"crumbs", PRUNED, WN_LABEL_NAV},
      {"related", PRUNED, WN_LABEL_RELATED}, {"rel-list", PRUNED, WN_LABEL_RELATED},
      {"comments", PRUNED, WN_LABEL_COMMENTS}, {"c1", PRUNED, WN_LABEL_COMMENTS},
      {"sidebar", DROPPED, 0}, {"about", DROPPED, 0}, {"nav", DROPPED, 0}, {"top", DROPPED, 0},
      {"foot", DROPPED, 0}}},

    {"blog: clutter found by its headings only (no class names)",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"art\">"
     "<h1 id=\"title\">A walk in the hills</h1>" EN_PARAS
     "<div id=\"related\"><h3>Related posts</h3>" EN_RELATED_LIST "</div>"
     "<div id=\"comments\"><h3>2 Comments</h3>" EN_COMMENTS "</div>"
     "</div>" EN_SIDEBAR "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0},
      {"title", PRUNED, WN_LABEL_TITLE},
      {"rel-list", PRUNED, WN_LABEL_RELATED},
      {"c1", PRUNED, WN_LABEL_COMMENTS}, {"c2", PRUNED, WN_LABEL_COMMENTS},
      {"sidebar", DROPPED, 0}, {"nav", DROPPED, 0}, {"foot", DROPPED, 0}}},

    {"Chinese: 上一篇/下一篇 lines and a 相关推荐 heading + list",
     ZH_TOP
     "<div id=\"wrap\"><h1 id=\"title\">秋天的北京</h1>" ZH_PARAS ZH_PREVNEXT
     "<h3 id=\"rel-head\">相关推荐</h3>" ZH_RELATED_LIST "</div>" ZH_BOTTOM,
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0},
      {"title", PRUNED, WN_LABEL_TITLE},
      {"prev", PRUNED, WN_LABEL_NAV}, {"next", PRUNED, WN_LABEL_NAV},
      {"rel-head", PRUNED, WN_LABEL_RELATED}, {"rel-list", PRUNED, WN_LABEL_RELATED},
      {"menu", DROPPED, 0}, {"foot", DROPPED, 0}}},

    {"Chinese: 相关推荐 section in its own box",
     ZH_TOP
     "<div id=\"wrap\"><h1 id=\"title\">秋天的北京</h1>" ZH_PARAS
     "<div id=\"rel-box\"><h3>相关推荐</h3>" ZH_RELATED_LIST "</div>" ZH_PREVNEXT "</div>" ZH_BOTTOM,
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0},
      {"title", PRUNED, WN_LABEL_TITLE},
      {"rel-box", PRUNED, WN_LABEL_RELATED}, {"rel-list", PRUNED, WN_LABEL_RELATED},
      {"menu", DROPPED, 0}, {"foot", DROPPED, 0}}},

    {"a lone whole-link paragraph after prose goes; a run of them, a sentence, an address stay",
     EN_CHROME_TOP
     "<div id=\"art\"><h1 id=\"title\">A walk in the hills</h1>" EN_PARAS
     "<p id=\"ll\"><a href=\"/x\">TEN TIPS FOR WALKING IN THE RAIN</a></p>" EN_PARAS
     "<p id=\"run1\"><a href=\"/y\">London Jazz Festival, various places</a></p>"
     "<p id=\"run2\"><a href=\"/z\">London Storytelling Festival, Soho</a></p>" EN_PARAS
     "<p id=\"sent\"><a href=\"/s\">Read the rest of this post on the site.</a></p>" EN_PARAS
     "<p id=\"url\"><a href=\"/u\">http://www.example.org/tripod/</a></p>" EN_PARAS
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"ll", PRUNED, WN_LABEL_RELATED}, {"run1", KEPT, 0}, {"run2", KEPT, 0},
      {"sent", KEPT, 0}, {"url", KEPT, 0}}},

    {"gallery counters and control labels go, the captions stay",
     EN_CHROME_TOP
     "<div id=\"art\"><h1 id=\"title\">A walk in the hills</h1>"
     "<div id=\"gal\"><div id=\"count\">Image 1 of 5</div>"
     "<p id=\"cap\">The ridge seen from the stone wall at the top of the path.</p>"
     "<div id=\"close\">Close</div></div>" EN_PARAS
     "<div id=\"adv\">Advert</div>" EN_PARAS "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"cap", KEPT, 0}, {"count", PRUNED, WN_LABEL_OTHER},
      {"close", PRUNED, WN_LABEL_OTHER}, {"adv", PRUNED, WN_LABEL_AD}}},

    {"a tag-classed link inside a sentence is words of the sentence",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS
     "<p id=\"s\">Radiation from high-energy particles is a key hazard of deep "
     "<a id=\"tag\" class=\"textTag\" href=\"/t\">space travel</a>, but the crew would sleep in "
     "shielded pods, and that would cut their dose by half on the way.</p>"
     "<div id=\"tags\" class=\"tags\"><a href=\"/a\">space</a> <a href=\"/b\">mars</a></div>"
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"s", KEPT, 0}, {"tag", KEPT, 0}, {"tags", PRUNED, WN_LABEL_OTHER}}},

    {"an article cut into chunks of one class, each in its own row with an ad rail",
     EN_CHROME_TOP
     "<div id=\"chunks\"><div class=\"row\"><div id=\"b1\" class=\"article-body narrow\">" EN_PARAS "</div>"
     "<div class=\"rail\"><a href=\"/ad\">x</a></div></div>"
     "<div class=\"row-ad\">Advertisement</div>"
     "<div class=\"row\"><div id=\"b2\" class=\"article-body narrow\">" EN_PARAS
     "<p id=\"p4\">We came down by the long way round, past the old mill and the farm with the "
     "red gate, and reached the car at dusk, tired, muddy and happy.</p></div>"
     "<div class=\"rail\"><a href=\"/ad\">y</a></div></div></div>" EN_FOOTER "</body></html>",
     {{"b1", KEPT, 0}, {"b2", KEPT, 0}, {"p4", KEPT, 0}, {"foot", DROPPED, 0}}},

    {"a newsletter prompt line goes; a box of prose around the same words stays",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS
     "<p id=\"promo\">Get the latest updates in your inbox. Subscribe to our newsletters.</p>"
     "<div id=\"box\"><p id=\"q\">The club newsletter, which members can subscribe to, printed "
     "the route, the map, and a list of the pubs along the way in its spring issue.</p></div>"
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"q", KEPT, 0}, {"promo", PRUNED, WN_LABEL_OTHER}}},

    {"a short post beats a longer 'About me' box in the sidebar",
     EN_CHROME_TOP
     "<div id=\"main\"><div class=\"post\"><h2>Sunday</h2><p id=\"s1\">We walked to the lighthouse and "
     "back along the beach, and the wind nearly took our hats off.</p></div></div>"
     "<div class=\"sidebar\"><div class=\"widget\"><h3>About me</h3><div id=\"bio\">"
     "<p>I am a teacher, a walker, a reader of old maps and a keeper of bees, and I live by the sea "
     "with two cats, a dog, and far too many books.</p><p>This blog is where I write down the walks, "
     "the weather, the birds and the people we meet on the way, most weekends.</p>"
     "<p>All photographs are my own, unless I say otherwise; please ask before you use them.</p>"
     "</div></div></div>" EN_FOOTER "</body></html>",
     {{"s1", KEPT, 0}, {"bio", DROPPED, 0}}},

    {"an 'About the author' box after the article goes with its heading",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<div id=\"bio\"><h3 id=\"bh\">About the author</h3>"
     "<p id=\"bp\">Ann Smith is a walker and writer who lives in the hills with her dog, and has written "
     "three guides to the northern trails.</p></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"bp", PRUNED, WN_LABEL_OTHER}}},

    {"a sidebar beside the named post body goes, though its widgets fill most of the region",
     EN_CHROME_TOP
     "<div id=\"wrap\" class=\"content-wrapper\"><div class=\"main\"><div class=\"post\">"
     "<div class=\"post-body\"><p id=\"s1\">We walked to the lighthouse and back along the beach, "
     "and the wind nearly took our hats off.</p></div></div></div>"
     "<div id=\"side\" class=\"sidebar-wrapper\"><div class=\"widget\"><h2>About me</h2>"
     "<p id=\"bio\">I am a teacher, a walker, a reader of old maps and a keeper of bees, and I live by "
     "the sea with two cats, a dog, and far too many books.</p><p>This blog is where I write down the "
     "walks, the weather, the birds and the people we meet on the way, most weekends.</p></div>"
     "<div class=\"widget\"><h2>Contact</h2><p>Write to me at the address below, any time.</p></div>"
     "</div></div>" EN_FOOTER "</body></html>",
     {{"s1", KEPT, 0}, {"bio", PRUNED, WN_LABEL_NAV}}},

    {"a line of links to the previous and next posts goes",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"pn\"><a href=\"/1\">&laquo; Maps and how to read them</a> | "
     "<a href=\"/\">Main</a> | <a href=\"/2\">Fog on the ridge &raquo;</a></p></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"pn", PRUNED, WN_LABEL_NAV}}},

    {"a comment count in the author's box is one of its figures, not a heading",
     EN_CHROME_TOP
     "<div id=\"art\" class=\"article-content\"><div class=\"byline\"><p>By Ann Smith, who has "
     "walked these hills for thirty years and written three guides to the northern trails.</p>"
     "<p>Ann writes for the paper every week about walks, weather, maps, boots and the people she "
     "meets on the way.</p><p>Before that she drew maps for the county council, taught geography at "
     "the village school, and led walks for the ramblers' club on the first Sunday of every month."
     "</p><ul><li>924 articles</li><li id=\"cc\">45 comments</li></ul></div>"
     EN_PARAS "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}}},

    {"a post made of links (a roundup) is kept when link density would empty it",
     EN_CHROME_TOP
     "<div id=\"main\"><div class=\"entry-content\" id=\"ec\"><p id=\"intro\">Here is what we read this week, while the rain kept us "
     "indoors and the maps stayed folded on the kitchen table, waiting for a dry day and a clear ridge. "
     "Some of it is old, some of it is new, and all of it made us want to go out again.</p>"
     "<ul id=\"links\"><li><a href=\"/1\">The hills in winter</a></li><li><a href=\"/2\">Boots that last "
     "for years</a></li><li><a href=\"/3\">Maps and how to read them</a></li><li><a href=\"/4\">Ten walks "
     "near the sea</a></li><li><a href=\"/5\">Why we get lost in the fog</a></li><li><a href=\"/6\">The "
     "old drove roads of the north and the people who walked them</a></li><li><a href=\"/7\">A year of "
     "walking with a camera and a notebook</a></li><li><a href=\"/8\">What the birds on the ridge told us "
     "about the weather</a></li></ul></div></div>"
     EN_FOOTER "</body></html>",
     {{"intro", KEPT, 0}, {"links", KEPT, 0}, {"foot", DROPPED, 0}}},

    {"teasers of other posts, each closed by 'Read more', after the article",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<div id=\"teasers\"><div><h3>Winter boots</h3><p>Which boots to buy "
     "for the cold months, and why. <a href=\"/1\">Read more...</a></p></div>"
     "<div><h3>Fog</h3><p>How not to get lost when the fog comes down on the ridge. <a href=\"/2\">Read "
     "more...</a></p></div><div><h3>Maps</h3><p>Old maps, new maps, and the paths they leave out. "
     "<a href=\"/3\">Read more...</a></p></div></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"teasers", PRUNED, WN_LABEL_RELATED}}},

    {"'More reading' over a paragraph of the author's prose opens a section of the article",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<h3 id=\"mr\">More Reading</h3><p id=\"mrp\">This is no complete "
     "guide to the hills: better walkers than I have written more on them, and these are the books and "
     "sites I keep going back to when I plan a route, check the weather or look for a place to stay the night.</p><ul id=\"mrl\"><li><a href=\"/1\">Hill "
     "Maps</a> - the old survey sheets, scanned and free to print.</li><li><a href=\"/2\">Ridge "
     "Notes</a> - a walker's diary of every ridge in the north.</li></ul></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"mr", KEPT, 0}, {"mrp", KEPT, 0}, {"mrl", KEPT, 0}}},

    {"a list the article's sentence announces with a colon stays, however many links it holds",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"how\">Here is how you can join the walk next month:</p>"
     "<ol id=\"steps\"><li>Write to the club (read <a href=\"/t\">these tips</a>)</li><li>Pack "
     "boots and <a href=\"/k\">the kit on this list</a></li></ol></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"how", KEPT, 0}, {"steps", KEPT, 0}}},

    {"a box whose list and form went leaves no label behind; a one-tag line goes",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<div class=\"terms\" id=\"tags\">Related Topics: <a href=\"/t\">"
     "Hills</a></div><div id=\"jump\"><b id=\"jl\">JUMP TO:</b><form><select name=\"m\"></select>"
     "<input type=\"submit\"></form></div></div>" EN_FOOTER "</body></html>",
     {{"p3", KEPT, 0}, {"tags", PRUNED, WN_LABEL_OTHER}, {"jump", PRUNED, WN_LABEL_OTHER}}},
};

/* ---- rules of the standfirst, article chunks, page-builder widgets, named
 * bodies in clutter-named wrappers, app prompts and posts after a marker:
 * each with a page where the rule fires and a close one where it must not. */

#define EN_STANDFIRST \
    "A short walk, a long view and lunch behind a stone wall: the ridge route is the best " \
    "day out this spring."

/* The headline and a plain standfirst in a header block, the article's body
 * in a sibling: the standfirst is no sibling of the top candidate. */
static const score_case LEAD_CASES[] = {
    {"a class-less standfirst between the headline and the article is kept",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"head\"><h1 id=\"t\">A walk in the hills</h1>"
     "<p id=\"sf\">" EN_STANDFIRST "</p></div><div id=\"art\">" EN_PARAS "</div></div>"
     EN_FOOTER "</body></html>",
     {{"sf", KEPT, 0}, {"p1", KEPT, 0}, {"p3", KEPT, 0}}},

    {"a standfirst styled as a dek is left out",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"head\"><h1 id=\"t\">A walk in the hills</h1>"
     "<p id=\"sf\" class=\"dek\">" EN_STANDFIRST "</p></div><div id=\"art\">" EN_PARAS "</div></div>"
     EN_FOOTER "</body></html>",
     {{"sf", DROPPED, 0}, {"p1", KEPT, 0}}},

    {"a standfirst named as the lede is the article's first paragraph",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"head\"><h1 id=\"t\">A walk in the hills</h1>"
     "<p id=\"sf\" class=\"story-lede\">" EN_STANDFIRST "</p></div><div id=\"art\">" EN_PARAS "</div></div>"
     EN_FOOTER "</body></html>",
     {{"sf", KEPT, 0}, {"p1", KEPT, 0}}},

    {"a line right after a picture under the headline is its caption, not the standfirst",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"head\"><h1 id=\"t\">A walk in the hills</h1>"
     "<div id=\"pic\"><img src=\"ridge.jpg\" alt=\"\"></div><p id=\"cap\">" EN_STANDFIRST "</p></div>"
     "<div id=\"art\">" EN_PARAS "</div></div>" EN_FOOTER "</body></html>",
     {{"cap", DROPPED, 0}, {"p1", KEPT, 0}}},

    {"an <h1> followed by a linked post title is the site's name: its motto is no standfirst",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"head\"><h1 id=\"t\">Example Blog</h1>"
     "<p id=\"motto\">" EN_STANDFIRST "</p><h2 id=\"pt\"><a href=\"/walk\">A walk in the hills</a></h2>"
     "</div><div id=\"art\">" EN_PARAS "</div></div>" EN_FOOTER "</body></html>",
     {{"motto", DROPPED, 0}, {"p1", KEPT, 0}}},
};

#define EN_P4 \
    "<p id=\"p4\">We came down by the long way round, past the old mill and the farm with the red " \
    "gate, and reached the car at dusk, tired, muddy and happy.</p>"

/* The top sits two plain wrappers deep in the first of the sections. */
static const score_case CHUNK_CASES[] = {
    {"an article cut into same-class section wrappers is kept whole",
     EN_CHROME_TOP
     "<div id=\"doc\"><section class=\"chunk\" id=\"s1\"><h2>Morning</h2><div><div>" EN_PARAS
     "</div></div></section><section class=\"chunk\" id=\"s2\"><h2>Coming down</h2><div><div>" EN_P4
     "</div></div></section></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"s2", KEPT, 0}, {"p4", KEPT, 0}}},

    {"a same-class section of teasers and links is not a chunk of the article",
     EN_CHROME_TOP
     "<div id=\"doc\"><section class=\"chunk\" id=\"s1\"><h2>Morning</h2><div><div>" EN_PARAS
     "</div></div></section><section class=\"chunk\" id=\"s2\"><div><div>"
     "<p id=\"teaser\">Winter walks: the same ridge in the snow, with crampons, a flask, and a very "
     "early start.</p><p>Spring walks: bluebells in the oak woods, lambs in the fields, and mud, a lot "
     "of mud.</p></div>" EN_RELATED_LIST "</div></section></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"teaser", DROPPED, 0}, {"rel-list", DROPPED, 0}}},
};

static const score_case WIDGET_CASES[] = {
    {"an article whose every block sits in a widget box (a page builder) comes out",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div class=\"widget-container\" id=\"w1\">"
     "<p id=\"p1\">We set off early in the morning, when the fog still lay in the valley and the grass "
     "was wet with dew, and walked for three hours before we saw another soul.</p></div>"
     "<div class=\"widget-container\" id=\"w2\">"
     "<p id=\"p2\">The path climbs steadily through old oak woods, crosses a stream on a narrow wooden "
     "bridge, and then opens onto a wide ridge with views in every direction.</p></div>"
     "<div class=\"widget-container\" id=\"w3\">"
     "<p id=\"p3\">At the top we ate our sandwiches in the shelter of a stone wall, watched the clouds "
     "race across the sky, and agreed that it had been worth every step.</p></div></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p2", KEPT, 0}, {"p3", KEPT, 0}}},

    {"a widget box inside an ordinary article is still dropped",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<div class=\"widget-container\" id=\"box\"><p>Walks, maps and the "
     "weekend weather, in your inbox every Friday morning, for free.</p></div></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"box", PRUNED, WN_LABEL_OTHER}}},
};

/* Another post's teaser in a related box: a linked title and a line. */
#define EN_TEASER(n, title, text) \
    "<div class=\"entry-content\"><h3><a href=\"/" #n "\">" title "</a></h3><p id=\"t" #n "\">" text \
    "</p></div>"

/* Side by side under <body>: a clutter-named wrapper taken for clutter
 * gives its paragraphs no vote, and the other box wins the page. */
static const score_case NAMED_BODY_CASES[] = {
    {"a body named entry-content inside a footer-named wrapper is the article",
     EN_CHROME_TOP
     "<div class=\"above-footer\" id=\"af\"><div class=\"entry-content\">" EN_PARAS EN_P4 "</div></div>"
     "<div id=\"bio\"><p id=\"about\">About me: I write about walking, maps and weather, most "
     "weekends</p></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"about", DROPPED, 0}}},

    {"teasers named entry-content do not make a related box layout",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "</div><div class=\"related-posts\" id=\"rel\">"
     EN_TEASER(1, "Winter walks", "The same ridge in the snow, with crampons, a flask of tea, and a very early start.")
     EN_TEASER(2, "Spring walks", "Bluebells in the oak woods, lambs in the fields, and mud, a lot of mud, on every path.")
     EN_TEASER(3, "Autumn walks", "The beeches turn gold, the days draw in, and the pubs light their fires, at last.")
     EN_TEASER(4, "Summer walks", "Long days, warm stones, cold streams, and a swim in the tarn at noon, if you dare.")
     EN_TEASER(5, "Night walks", "A head torch, a flask of tea, owls in the wood, and the stars, all of them, at last.")
     EN_TEASER(6, "Rain walks", "Waterproofs, a dry bag, a steamed-up map case, and a long hot bath after, every time.")
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"t1", DROPPED, 0}, {"t5", DROPPED, 0}}},
};

static const score_case APP_PROMO_CASES[] = {
    {"'Download our app for iOS and Android' after the article is dropped",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"app\">Download our app for iOS and Android.</p></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"app", PRUNED, WN_LABEL_OTHER}}},

    {"an article about an app keeps its opening sentence on downloading it",
     EN_CHROME_TOP
     "<div id=\"art\"><p id=\"first\">Download the new trail app for iOS or Android, free: it works "
     "offline, and it asks for no account.</p>" EN_PARAS "</div>" EN_FOOTER "</body></html>",
     {{"first", KEPT, 0}, {"p1", KEPT, 0}}},
};

#define EN_COAST_PARAS \
    "<p id=\"q1\">On Saturday we took the coast path north from the harbour, past the lifeboat " \
    "station and the old lime kilns, to the headland.</p>" \
    "<p id=\"q2\">The wind was so strong at the point that we could lean on it, and the gulls hung " \
    "in the air above us without moving their wings.</p>" \
    "<p id=\"q3\">We had tea in the cafe by the beach, watched the surfers for an hour, and took the " \
    "bus back, which was warm, slow and very welcome.</p>" \
    "<p id=\"q4\">Back home, we spread the map on the kitchen table and marked the route in pencil, " \
    "with the tea room, the bus stop and the stile that nearly beat us.</p>" \
    "<p id=\"q5\">Next time we will start earlier, carry more water, and leave the camera at home: " \
    "the best views were the ones we simply looked at.</p>"

/* A blog's front page: two posts of one class, the first closed by "No
 * comments". With class "post" (a content word) each post is a candidate
 * and the second is the top; with "item" their wrapper is the top. */
#define EN_TWO_POSTS(cls) \
    "<div id=\"posts\"><div class=\"" cls "\" id=\"post1\"><h2>Sunday: the ridge</h2>" EN_PARAS \
    "<p id=\"nc\">No comments</p><p id=\"after\">Be the first to write about this walk.</p></div>" \
    "<div class=\"" cls "\" id=\"post2\"><h2>Saturday: the coast</h2>" EN_COAST_PARAS "</div></div>"

static const score_case TAIL_CASES[] = {
    {"a marker's tail stops at the next post of the same class with paragraphs of its own",
     EN_CHROME_TOP EN_TWO_POSTS("post") EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"nc", PRUNED, WN_LABEL_COMMENTS}, {"after", PRUNED, WN_LABEL_COMMENTS},
      {"q1", KEPT, 0}, {"q5", KEPT, 0}}},

    {"a marker's tail stops at the next post inside a wrapper that is the region",
     EN_CHROME_TOP EN_TWO_POSTS("item") EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"after", PRUNED, WN_LABEL_COMMENTS}, {"q1", KEPT, 0}, {"q5", KEPT, 0}}},

    {"a same-class teaser after the marker goes with the tail",
     EN_CHROME_TOP
     "<div id=\"posts\"><div class=\"post\" id=\"post1\"><h2>Sunday: the ridge</h2>" EN_PARAS
     "<p id=\"nc\">No comments</p></div>"
     "<div class=\"post\" id=\"teaser\"><h2>Saturday: the coast</h2><p>On Saturday we took the coast "
     "path north from the harbour, past the lifeboat station and the old lime kilns, to the headland. "
     "<a href=\"/coast\">Read more</a></p></div></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"nc", PRUNED, WN_LABEL_COMMENTS}, {"teaser", PRUNED, WN_LABEL_COMMENTS}}},

    {"a heading whose list of links went, closing the article, goes; one over a picture stays",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<h3 id=\"pic\">The ridge at dawn</h3><img src=\"/r.jpg\">"
     EN_P4 "<h2 id=\"hd\">Walks in the Alps</h2><ul id=\"lst\" class=\"related\"><li><a href=\"/a\">Ten walks "
     "by the sea for a rainy day</a></li><li><a href=\"/b\">Boots we tried and liked this year</a></li></ul></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"pic", KEPT, 0}, {"p4", KEPT, 0}, {"lst", DROPPED, 0},
      {"hd", PRUNED, WN_LABEL_OTHER}}},

    {"one other post's teaser card, headline to \"Weiterlesen\", goes",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS EN_P4 "<div id=\"card\"><h3><a href=\"/coast\">Saturday: the coast "
     "path north</a></h3><div>On Saturday we took the coast path north from the harbour, past the "
     "lifeboat station and the old lime kilns, to the headland and back by the inland lanes. "
     "<a href=\"/coast\">Weiterlesen</a></div></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"card", PRUNED, WN_LABEL_RELATED}}},
};

/* ---- rules of 433cae2 (and the whole-line case of 616cbb3): each with a
 * page where the rule fires and a close one where it must not. */

/* A "header"-named bar inside the article, once its text has begun: the
 * title bar of a collapsible part stays, a code box's label bar goes. */
static const score_case SECTION_HEADER_CASES[] = {
    {"a header-named title bar of a part, after the article's first paragraphs, is kept",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<div id=\"acc\" class=\"accordion-header\"><h3 id=\"acc-h\">Getting "
     "there by bus</h3></div>" EN_P4
     "<div id=\"pane\" class=\"panel-header\">The number 12 bus leaves the village green every hour, "
     "stops at the foot of the ridge path, and runs until late in the evening.</div></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"acc", KEPT, 0}, {"acc-h", KEPT, 0}, {"p4", KEPT, 0}, {"pane", KEPT, 0}}},

    {"a header-named bar holding a code box's short label still goes",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<div id=\"bar\" class=\"code-header\"><span>js</span></div>"
     "<pre id=\"code\">const walk = ridge.map(step =&gt; step + 1);</pre>" EN_P4 "</div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"code", KEPT, 0}, {"p4", KEPT, 0}, {"bar", PRUNED, WN_LABEL_NAV}}},
};

#define EN_P5 \
    "<p id=\"p5\">Next time we will start earlier, carry more water, and leave the camera at home " \
    "for the day.</p>"

/* The top candidate and, beside it, the article's last paragraph in plain
 * wrappers of its own. */
static const score_case WRAPPED_P_CASES[] = {
    {"a paragraph in class-less wrappers beside the top candidate is a sibling of it",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"art\">" EN_PARAS EN_P4 "</div><div id=\"w5\"><div>" EN_P5
     "</div></div></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"w5", KEPT, 0}, {"p5", KEPT, 0}}},

    {"a paragraph of links in class-less wrappers beside the top candidate is not",
     EN_CHROME_TOP
     "<div id=\"wrap\"><div id=\"art\">" EN_PARAS EN_P4 "</div><div id=\"w5\"><div><p id=\"lk\">"
     "<a href=\"/1\">Ten tips for walking in the rain</a>, <a href=\"/2\">The best boots for long "
     "hikes</a>, and <a href=\"/3\">Why we love the hills</a></p></div></div></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"lk", DROPPED, 0}}},
};

#define EN_HEADLINE_RUN \
    "<p id=\"l1\"><a href=\"/1\">Ten tips for walking in the rain</a></p>" \
    "<p id=\"l2\"><a href=\"/2\">The best boots for long hikes this year</a></p>" \
    "<p id=\"l3\"><a href=\"/3\">Why we love the northern hills in autumn</a></p>"

static const score_case LINK_TAIL_CASES[] = {
    {"a closing run of headline links goes with the line that announces it",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"pre\">Elsewhere this week:</p>" EN_HEADLINE_RUN "</div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"pre", PRUNED, WN_LABEL_RELATED},
      {"l1", PRUNED, WN_LABEL_RELATED}, {"l2", PRUNED, WN_LABEL_RELATED},
      {"l3", PRUNED, WN_LABEL_RELATED}}},

    {"a closing run after a short heading goes with the heading",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<h4 id=\"pre\">Elsewhere</h4>" EN_HEADLINE_RUN "</div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"pre", PRUNED, WN_LABEL_RELATED},
      {"l1", PRUNED, WN_LABEL_RELATED}, {"l3", PRUNED, WN_LABEL_RELATED}}},

    {"a closing run of linked sentences is the article's own",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"pre\">Where to go next:</p>"
     "<p id=\"l1\"><a href=\"/1\">Take the bus back from the village green.</a></p>"
     "<p id=\"l2\"><a href=\"/2\">Book a table at the inn by the bridge.</a></p>"
     "<p id=\"l3\"><a href=\"/3\">Buy the map of the northern hills.</a></p></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"pre", KEPT, 0}, {"l1", KEPT, 0}, {"l2", KEPT, 0}, {"l3", KEPT, 0}}},

    {"a run of headline links with prose after it does not close the article",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"pre\">Elsewhere this week:</p>" EN_HEADLINE_RUN EN_P4 "</div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"pre", KEPT, 0}, {"l1", KEPT, 0}, {"l3", KEPT, 0}, {"p4", KEPT, 0}}},
};

static const score_case LINK_MADE_CASES[] = {
    {"a paragraph of headline links and an <article> teaser card inside the article go",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"lp\"><a href=\"/1\">Ten tips for walking in the rain</a> "
     "<a href=\"/2\">The best boots for long hikes this year</a> <a href=\"/3\">Why we love the "
     "northern hills in autumn</a></p>"
     "<article id=\"card\"><h3><a href=\"/4\">Maps and how to read them in the fog</a></h3>"
     "<p><a href=\"/4\">Old maps, new maps and the paths they leave out</a></p>"
     "<a href=\"/4\">Read the whole story</a></article>" EN_P4 "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"lp", PRUNED, WN_LABEL_RELATED},
      {"card", PRUNED, WN_LABEL_RELATED}}},

    {"a sentence with three links and an <article> of prose stay",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p id=\"ls\">We followed <a href=\"/1\">the old drove road</a> past "
     "<a href=\"/2\">the mill</a> to <a href=\"/3\">the inn by the bridge</a>, and stayed there for "
     "the night, glad of the fire and the soup.</p><article id=\"box\"><h3>The inn</h3>" EN_P4
     "</article></div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"ls", KEPT, 0}, {"box", KEPT, 0}, {"p4", KEPT, 0}}},
};

/* A lone link or label loose between the article's blocks, beside text of
 * the block's own (so that it is not the block's whole line). */
static const score_case LONE_LINE_CASES[] = {
    {"lone 'zurück zur Übersicht', 'Print' and 'Was this article helpful?' lines go, alone",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<a id=\"back\" href=\"/list\">zurück zur Übersicht</a>" EN_P5
     "<span id=\"prt\">Print</span>" EN_P4 "<span id=\"help\">Was this article helpful?</span>"
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p5", KEPT, 0}, {"p4", KEPT, 0}, {"back", PRUNED, WN_LABEL_NAV},
      {"prt", PRUNED, WN_LABEL_OTHER}, {"help", PRUNED, WN_LABEL_OTHER}}},

    {"a section marker on a lone line does not cut the article; a link inside a line stays",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<a id=\"jump\" href=\"#c\">Comments</a>" EN_P5
     "Maps of the route are on <a id=\"in\" href=\"/print\">Print</a> at the shop." EN_P4
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p5", KEPT, 0}, {"p4", KEPT, 0}, {"in", KEPT, 0}}},
};

static const score_case WHOLE_LINE_CASES[] = {
    {"a 'blog comments powered by Disqus' link that is its block's whole line goes",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS EN_P4
     "<a id=\"pb\" href=\"http://disqus.com\">blog comments powered by <span>Disqus</span></a></div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"pb", PRUNED, WN_LABEL_COMMENTS}}},

    {"a 'Comments' jump link that is its block's whole line goes alone, the text after it stays",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<a id=\"jump\" href=\"#c\">Comments</a>" EN_P4 "</div>"
     EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"jump", PRUNED, WN_LABEL_COMMENTS}}},

    {"an inline element that is its block's whole line, with no marker, stays",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<em id=\"sig\">Ann, somewhere on the ridge, with a flask of tea</em>"
     "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"sig", KEPT, 0}}},
};

static const score_case DATE_LINE_CASES[] = {
    {"bare date lines are the page's date stamps",
     EN_CHROME_TOP
     "<div id=\"art\"><p id=\"dt\">23.10.2018</p>" EN_PARAS "<div id=\"dt2\">2018-10-23 12:30</div>"
     EN_P4 "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"dt", PRUNED, WN_LABEL_OTHER},
      {"dt2", PRUNED, WN_LABEL_OTHER}}},

    {"a date in a table cell or a list item, and a line with a date in words, stay",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<table><tr><td id=\"d1\">23.10.2018</td><td id=\"d2\">Ridge walk "
     "with the club, from the village green, all day</td></tr></table>"
     "<ul><li id=\"d3\">24.10.2018</li><li>Coast path, from the harbour</li></ul>"
     "<p id=\"d4\">23. Oktober 2018</p>" EN_P4 "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"d1", KEPT, 0}, {"d2", KEPT, 0}, {"d3", KEPT, 0}, {"d4", KEPT, 0},
      {"p4", KEPT, 0}}},

    {"a date in words that is a link (to the post or its day) is a date stamp",
     EN_CHROME_TOP
     "<div id=\"art\"><p id=\"dt\"><a href=\"/2012/05/31\">Donnerstag, 31. Mai 2012</a></p>" EN_PARAS
     EN_P4 "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"dt", PRUNED, WN_LABEL_OTHER}}},
};

/* The bare-date rule once took these for dates: a code block or a line
 * holding a network address is no date stamp. */
static const score_case DATE_LINE_REGRESSIONS[] = {
    {"a code block or a line with an IP address is not a bare date",
     EN_CHROME_TOP
     "<div id=\"art\">" EN_PARAS "<p>Set the router to this address:</p><pre id=\"code\">10.0.0.1/24</pre>"
     "<p id=\"ip\">192.168.100.1</p>" EN_P4 "</div>" EN_FOOTER "</body></html>",
     {{"p1", KEPT, 0}, {"p4", KEPT, 0}, {"code", KEPT, 0}, {"ip", KEPT, 0}}},
};

/* Old table layouts: <font> wrappers, nested layout tables, rows of one
 * line, posts of one shape without class words. */
#define EN_OLD_TOP "<html><head><title>A walk in the hills</title></head><body>" \
    "<table id=\"menu\"><tr><td><a href=\"/\">Home</a> | <a href=\"/walks\">Walks</a> | " \
    "<a href=\"/maps\">Maps</a> | <a href=\"/about\">About us</a></td></tr></table>"
#define EN_OLD_BOTTOM "<table id=\"links\"><tr><td><a href=\"/a\">Walks near you</a> | " \
    "<a href=\"/b\">Boots and gear</a> | <a href=\"/c\">Contact the editor</a></td></tr></table>" \
    EN_FOOTER "</body></html>"

static const score_case TABLE_LAYOUT_CASES[] = {
    {"a <small> around the paragraphs gives way to its cell, and the cell's last paragraph is kept",
     EN_OLD_TOP
     "<table><tr><td id=\"cell\"><small id=\"sm\">" EN_PARAS EN_COAST_PARAS "</small>"
     "<p id=\"tail\">We will go back in the spring, when the days are longer, and walk "
     "<a href=\"/ridge\">the whole of the northern ridge from end to end</a>.</p></td></tr></table>"
     EN_OLD_BOTTOM,
     {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"tail", KEPT, 0}}},

    {"a cell without links around much more text than the top is the article, however deep the top",
     EN_OLD_TOP
     "<table><tr><td id=\"outer\"><h2 id=\"intro\">Our walks, and why you should join us this year</h2>"
     "<ul id=\"points\"><li>Small groups of friendly people</li><li>Experienced local guides</li>"
     "<li>Routes for every level of fitness</li><li>Maps and notes for every walk</li>"
     "<li>Transport from the station</li><li>Tea and cake at the end</li>"
     "<li>Walks all year round</li><li>No walker is left behind</li>"
     "<li>Free for members of the club</li><li>Dogs welcome on most routes</li></ul>"
     "<div><center><table><tr><td id=\"inner\">" EN_PARAS "</td></tr></table></center></div>"
     "</td></tr></table>" EN_OLD_BOTTOM,
     {{"intro", KEPT, 0}, {"points", KEPT, 0}, {"p1", KEPT, 0}, {"p3", KEPT, 0}}},

    {"a row of one line of prose beside the article's row is kept",
     EN_OLD_TOP
     "<table><tr id=\"row\"><td><font>Here are the notes we took on the walk, with the times and the "
     "places where we stopped for a rest.</font></td></tr>"
     "<tr><td id=\"main\">" EN_PARAS "</td></tr></table>" EN_OLD_BOTTOM,
     {{"row", KEPT, 0}, {"p1", KEPT, 0}}},

    {"unnamed blocks of posts of one shape are all kept",
     EN_OLD_TOP
     "<div id=\"days\"><div id=\"d1\"><h3>Sunday</h3><div>" EN_PARAS "</div></div>"
     "<div id=\"d2\"><h3>Saturday</h3><div>" EN_COAST_PARAS "</div></div></div>" EN_OLD_BOTTOM,
     {{"p1", KEPT, 0}, {"q1", KEPT, 0}, {"q5", KEPT, 0}}},

    {"cells of one class in the rows of a layout table are parts of the article",
     EN_OLD_TOP
     "<table><tr><td><h2>Sunday</h2><div class=\"entry\">" EN_PARAS "</div></td></tr>"
     "<tr><td><h2>Saturday</h2><div class=\"entry\">" EN_COAST_PARAS "</div></td></tr></table>"
     EN_OLD_BOTTOM,
     {{"p1", KEPT, 0}, {"q1", KEPT, 0}}},

    {"a short table of unlinked sentences before the article's table is its opening",
     EN_OLD_TOP
     "<div><table id=\"open\"><tr><td><p><b>Guided walks</b> Small groups, local guides.</p>"
     "<p>Every route has been walked by us first.</p></td></tr></table>"
     "<table id=\"main\"><tr><td>" EN_PARAS "</td></tr></table></div>" EN_OLD_BOTTOM,
     {{"open", KEPT, 0}, {"p1", KEPT, 0}}},

    {"a <font> line between the headline and the article is its standfirst",
     EN_OLD_TOP
     "<div id=\"wrap\"><h1 id=\"t\">A walk in the hills</h1><br><br>"
     "<font id=\"sf\">" EN_STANDFIRST "</font><br><br>"
     "<div id=\"art\">" EN_PARAS "</div></div>" EN_OLD_BOTTOM,
     {{"sf", KEPT, 0}, {"p1", KEPT, 0}}},
};

static void check_page(const score_case *c)
{
    wn_test_doc t;
    wn_test_doc_scored(&t, c->html);
    const wn_doc *doc = &t.doc;
    for (const expectation *e = c->expect; e->id; e++) {
        uint32_t i = wn_test_by_id(doc, e->id);
        bool kept = wn_test_kept(doc, i);
        uint32_t pruned = wn_test_pruned_at(doc, i);
        switch (e->kind) {
        case KEPT:
            ck_assert_msg(kept, "%s: #%s not kept", c->name, e->id);
            break;
        case DROPPED:
            ck_assert_msg(!kept, "%s: #%s kept", c->name, e->id);
            break;
        case PRUNED:
            ck_assert_msg(!kept && pruned != WN_NONE, "%s: #%s %s, want pruned", c->name, e->id,
                          kept ? "kept" : "outside the region");
            ck_assert_msg(doc->nodes[pruned].label == e->label, "%s: #%s pruned as %s (rule %s), want %s",
                          c->name, e->id, wn_label_name((wn_label)doc->nodes[pruned].label),
                          wn_rule_name((wn_rule)doc->nodes[pruned].rule), wn_label_name(e->label));
            break;
        }
    }
    wn_test_doc_free(&t);
}

START_TEST(test_page)
{
    check_page(&CASES[_i]);
}
END_TEST

START_TEST(test_lead)
{
    check_page(&LEAD_CASES[_i]);
}
END_TEST

START_TEST(test_chunks)
{
    check_page(&CHUNK_CASES[_i]);
}
END_TEST

START_TEST(test_widget_layout)
{
    check_page(&WIDGET_CASES[_i]);
}
END_TEST

START_TEST(test_named_body_in_clutter)
{
    check_page(&NAMED_BODY_CASES[_i]);
}
END_TEST

START_TEST(test_app_promo)
{
    check_page(&APP_PROMO_CASES[_i]);
}
END_TEST

START_TEST(test_tail_next_post)
{
    check_page(&TAIL_CASES[_i]);
}
END_TEST

START_TEST(test_table_layout)
{
    check_page(&TABLE_LAYOUT_CASES[_i]);
}
END_TEST

START_TEST(test_negated_class)
{
    check_page(&NEGATED_CLASS[_i]);
}
END_TEST

START_TEST(test_section_header)
{
    check_page(&SECTION_HEADER_CASES[_i]);
}
END_TEST

START_TEST(test_wrapped_paragraph)
{
    check_page(&WRAPPED_P_CASES[_i]);
}
END_TEST

START_TEST(test_link_tail_run)
{
    check_page(&LINK_TAIL_CASES[_i]);
}
END_TEST

START_TEST(test_link_made_blocks)
{
    check_page(&LINK_MADE_CASES[_i]);
}
END_TEST

START_TEST(test_lone_line)
{
    check_page(&LONE_LINE_CASES[_i]);
}
END_TEST

START_TEST(test_whole_line)
{
    check_page(&WHOLE_LINE_CASES[_i]);
}
END_TEST

START_TEST(test_date_line)
{
    check_page(&DATE_LINE_CASES[_i]);
}
END_TEST

START_TEST(test_date_line_regressions)
{
    check_page(&DATE_LINE_REGRESSIONS[_i]);
}
END_TEST

/* Invariants of any selection: something is selected; selected roots do not
 * nest; every pruned node lies inside a selected root (or is one) and has a
 * label and a rule; kept nodes inside the region are labelled body. */
static const char *const INVARIANT_PAGES[] = {
    "",
    "<p>one short line</p>",
    "<ul><li><a href=/>a</a></li><li><a href=/>b</a></li></ul>",
    "<div>" EN_PARAS "</div><div>" EN_PARAS "</div>",
    "<table><tr><td>" EN_PARAS "</td><td><a href=/>x</a></td></tr></table>",
};

static void check_invariants(const char *html)
{
    wn_test_doc t;
    wn_test_doc_scored(&t, html);
    const wn_doc *doc = &t.doc;
    unsigned selected = 0;
    for (uint32_t i = 0; i < doc->count; i++) {
        const wn_node *n = &doc->nodes[i];
        bool under_selected = false;
        for (uint32_t a = n->parent; a != WN_NONE; a = doc->nodes[a].parent)
            if (doc->nodes[a].flags & WN_NODE_SELECTED)
                under_selected = true;
        if (n->flags & WN_NODE_SELECTED) {
            selected++;
            ck_assert_msg(!under_selected, "selected node %u inside another", i);
            ck_assert_int_ne(n->label, WN_LABEL_NONE);
        }
        if (n->flags & WN_NODE_PRUNED) {
            ck_assert_msg(under_selected || (n->flags & WN_NODE_SELECTED), "pruned node %u outside the region", i);
            if (n->kind != WN_NODE_ELEMENT)
                continue;
            ck_assert_int_ne(n->label, WN_LABEL_NONE);
            ck_assert_int_ne(n->label, WN_LABEL_BODY);
            ck_assert_int_ne(n->rule, WN_RULE_NONE);
        }
        if (n->kind == WN_NODE_ELEMENT && wn_test_kept(doc, i))
            ck_assert_msg(n->label == WN_LABEL_BODY, "kept element %u labelled %s", i,
                          wn_label_name((wn_label)n->label));
    }
    ck_assert_uint_ge(selected, 1);
    wn_test_doc_free(&t);
}

START_TEST(test_invariants)
{
    check_invariants(_i < WN_COUNT(INVARIANT_PAGES) ? INVARIANT_PAGES[_i]
                                                    : CASES[_i - WN_COUNT(INVARIANT_PAGES)].html);
}
END_TEST

/* The pages of the rule cases, one list. */
static const struct {
    const score_case *cases;
    size_t count;
} RULE_CASES[] = {
    {LEAD_CASES, WN_COUNT(LEAD_CASES)},         {CHUNK_CASES, WN_COUNT(CHUNK_CASES)},
    {WIDGET_CASES, WN_COUNT(WIDGET_CASES)},     {NAMED_BODY_CASES, WN_COUNT(NAMED_BODY_CASES)},
    {APP_PROMO_CASES, WN_COUNT(APP_PROMO_CASES)}, {TAIL_CASES, WN_COUNT(TAIL_CASES)},
    {SECTION_HEADER_CASES, WN_COUNT(SECTION_HEADER_CASES)}, {WRAPPED_P_CASES, WN_COUNT(WRAPPED_P_CASES)},
    {LINK_TAIL_CASES, WN_COUNT(LINK_TAIL_CASES)}, {LINK_MADE_CASES, WN_COUNT(LINK_MADE_CASES)},
    {LONE_LINE_CASES, WN_COUNT(LONE_LINE_CASES)}, {WHOLE_LINE_CASES, WN_COUNT(WHOLE_LINE_CASES)},
    {DATE_LINE_CASES, WN_COUNT(DATE_LINE_CASES)}, {DATE_LINE_REGRESSIONS, WN_COUNT(DATE_LINE_REGRESSIONS)},
};

static size_t rule_case_count(void)
{
    size_t n = 0;
    for (size_t k = 0; k < WN_COUNT(RULE_CASES); k++)
        n += RULE_CASES[k].count;
    return n;
}

START_TEST(test_rule_case_invariants)
{
    size_t i = (size_t)_i;
    for (size_t k = 0; k < WN_COUNT(RULE_CASES); k++) {
        if (i < RULE_CASES[k].count) {
            check_invariants(RULE_CASES[k].cases[i].html);
            return;
        }
        i -= RULE_CASES[k].count;
    }
    ck_abort_msg("no rule case %d", _i);
}
END_TEST

/* Only the first <h1> before the text is the title. */
/* A slideshow holder after the article, holding more text than the article
 * itself: too long for one string literal, so the page is put together here. */
START_TEST(test_late_slideshow)
{
    static const char *const PARTS[] = {
        EN_CHROME_TOP "<div id=\"art\" class=\"articleBody\">", EN_PARAS, EN_PARAS, EN_PARAS,
        "<div id=\"promo\" class=\"promo_holder\"><ul><li><h4>One</h4><div id=\"s1\">", EN_PARAS,
        EN_PARAS, EN_PARAS, "</div></li><li><h4>Two</h4><div id=\"s2\">", EN_PARAS, EN_PARAS,
        EN_PARAS, "</div></li></ul></div></div>" EN_FOOTER "</body></html>",
    };
    static char html[8192];
    html[0] = '\0';
    for (size_t i = 0; i < sizeof PARTS / sizeof PARTS[0]; i++)
        strcat(html, PARTS[i]);
    score_case c = {"a slideshow holder set after the article goes, however much text its slides hold",
                    html,
                    {{"p1", KEPT, 0}, {"p3", KEPT, 0}, {"s1", PRUNED, WN_LABEL_OTHER},
                     {"s2", PRUNED, WN_LABEL_OTHER}}};
    check_page(&c);
}
END_TEST

START_TEST(test_title_first_h1_only)
{
    wn_test_doc t;
    wn_test_doc_scored(&t, "<div id=\"art\"><h1 id=\"t1\">The title</h1>" EN_PARAS
                           "<h1 id=\"t2\">A later heading</h1>" EN_PARAS "</div>");
    uint32_t t1 = wn_test_by_id(&t.doc, "t1"), t2 = wn_test_by_id(&t.doc, "t2");
    ck_assert_int_eq(t.doc.nodes[t1].label, WN_LABEL_TITLE);
    ck_assert_int_eq(t.doc.nodes[t1].rule, WN_RULE_TITLE);
    ck_assert(t.doc.nodes[t1].flags & WN_NODE_PRUNED);
    ck_assert(wn_test_kept(&t.doc, t2));
    wn_test_doc_free(&t);
}
END_TEST

/* A heading that comes after the first paragraph is body, not title. */
START_TEST(test_title_not_after_text)
{
    wn_test_doc t;
    wn_test_doc_scored(&t, "<div id=\"art\">" EN_PARAS "<h1 id=\"late\">Late heading</h1>" EN_PARAS "</div>");
    ck_assert(wn_test_kept(&t.doc, wn_test_by_id(&t.doc, "late")));
    wn_test_doc_free(&t);
}
END_TEST

/* ---- wn_leading_text ------------------------------------------------------------------ */

START_TEST(test_leading_text)
{
    wn_test_doc t;
    ck_assert_int_eq(wn_test_doc_build(&t, "<div id=\"d\"><h2>  Head\n line </h2><p>one<br>two</p>"
                                           "<p>你好世界</p></div>", 0), WN_OK);
    uint32_t d = wn_test_by_id(&t.doc, "d");
    char buf[128];
    size_t n = wn_leading_text(&t.doc, d, buf, sizeof buf);
    ck_assert_str_eq(buf, "Head line one two 你好世界");
    ck_assert_uint_eq(n, strlen(buf));
    /* Cut short: never in the middle of a character. */
    for (size_t cap = 1; cap < 40; cap++) {
        n = wn_leading_text(&t.doc, d, buf, cap);
        ck_assert_uint_lt(n, cap);
        ck_assert_uint_eq(strlen(buf), n);
        ck_assert_mem_eq(buf, "Head line one two 你好世界", n);
        ck_assert_uint_eq(wn_utf8_valid_prefix(buf, n), n);
    }
    wn_test_doc_free(&t);
}
END_TEST

/* The scan jumps over nodes without text: a break, a block or white space
 * between two words still makes one space, and none before the first or
 * after the last. */
START_TEST(test_leading_text_gaps)
{
    wn_test_doc t;
    ck_assert_int_eq(wn_test_doc_build(&t, "<div id=\"d\"><span> </span><br><img><i></i><b>one</b>"
                                           "<i></i><img>two<br><br><i> </i>three<div></div>four"
                                           "<span><i>five</i></span><img>\n<br></div><p>six</p>", 0),
                     WN_OK);
    uint32_t d = wn_test_by_id(&t.doc, "d");
    char buf[64];
    size_t n = wn_leading_text(&t.doc, d, buf, sizeof buf);
    ck_assert_str_eq(buf, "onetwo three fourfive");
    ck_assert_uint_eq(n, strlen(buf));
    for (size_t cap = 1; cap < 24; cap++) {
        n = wn_leading_text(&t.doc, d, buf, cap);
        ck_assert_uint_lt(n, cap);
        ck_assert_mem_eq(buf, "onetwo three fourfive", n);
    }
    /* A subtree without text, and one whose text comes after its end. */
    uint32_t img = wn_test_by_tag(&t.doc, GUMBO_TAG_IMG, 0);
    ck_assert_uint_eq(wn_leading_text(&t.doc, img, buf, sizeof buf), 0);
    ck_assert_str_eq(buf, "");
    wn_test_doc_free(&t);
}
END_TEST

START_TEST(test_rule_names)
{
    for (int r = 0; r < WN_RULE_COUNT; r++) {
        ck_assert_ptr_nonnull(wn_rule_name((wn_rule)r));
        ck_assert_str_ne(wn_rule_name((wn_rule)r), "?");
    }
    ck_assert_str_eq(wn_rule_name(WN_RULE_COUNT), "?");
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("score");
    TCase *tc = tcase_create("pages");
    tcase_add_loop_test(tc, test_page, 0, WN_COUNT(CASES));
    tcase_add_loop_test(tc, test_invariants, 0, WN_COUNT(INVARIANT_PAGES) + WN_COUNT(CASES));
    tcase_add_loop_test(tc, test_rule_case_invariants, 0, (int)rule_case_count());
    suite_add_tcase(s, tc);

    tc = tcase_create("lead");
    tcase_add_loop_test(tc, test_lead, 0, WN_COUNT(LEAD_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("chunks");
    tcase_add_loop_test(tc, test_chunks, 0, WN_COUNT(CHUNK_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("widget-layout");
    tcase_add_loop_test(tc, test_widget_layout, 0, WN_COUNT(WIDGET_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("named-body");
    tcase_add_loop_test(tc, test_named_body_in_clutter, 0, WN_COUNT(NAMED_BODY_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("app-promo");
    tcase_add_loop_test(tc, test_app_promo, 0, WN_COUNT(APP_PROMO_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("tail");
    tcase_add_loop_test(tc, test_tail_next_post, 0, WN_COUNT(TAIL_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("section-header");
    tcase_add_loop_test(tc, test_section_header, 0, WN_COUNT(SECTION_HEADER_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("wrapped-paragraph");
    tcase_add_loop_test(tc, test_wrapped_paragraph, 0, WN_COUNT(WRAPPED_P_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("link-tail-run");
    tcase_add_loop_test(tc, test_link_tail_run, 0, WN_COUNT(LINK_TAIL_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("link-made");
    tcase_add_loop_test(tc, test_link_made_blocks, 0, WN_COUNT(LINK_MADE_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("lone-line");
    tcase_add_loop_test(tc, test_lone_line, 0, WN_COUNT(LONE_LINE_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("whole-line");
    tcase_add_loop_test(tc, test_whole_line, 0, WN_COUNT(WHOLE_LINE_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("date-line");
    tcase_add_loop_test(tc, test_date_line, 0, WN_COUNT(DATE_LINE_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("table-layout");
    tcase_add_loop_test(tc, test_table_layout, 0, WN_COUNT(TABLE_LAYOUT_CASES));
    suite_add_tcase(s, tc);

    tc = tcase_create("title");
    tcase_add_test(tc, test_late_slideshow);
    tcase_add_test(tc, test_title_first_h1_only);
    tcase_add_test(tc, test_title_not_after_text);
    suite_add_tcase(s, tc);

    tc = tcase_create("helpers");
    tcase_add_test(tc, test_leading_text);
    tcase_add_test(tc, test_leading_text_gaps);
    tcase_add_test(tc, test_rule_names);
    suite_add_tcase(s, tc);

    /* Failing tests for bugs reported to the lead (src/ is not ours to fix). */
    tc = tcase_create("regressions");
    tcase_add_loop_test(tc, test_negated_class, 0, WN_COUNT(NEGATED_CLASS));
    tcase_add_loop_test(tc, test_date_line_regressions, 0, WN_COUNT(DATE_LINE_REGRESSIONS));
    suite_add_tcase(s, tc);
    return s;
}
