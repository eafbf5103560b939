#!/usr/bin/env python3
"""Writes the `encoding` suite's test pages, expected texts and manifest.

    python3 tests/encoding/make_pages.py      (from anywhere; rewrites in place)

Every page is a short original article in the language natural to its
encoding, stored as raw bytes in that encoding under pages/. expected/ holds
what a browser shows of it (UTF-8): the title line, then one line per
paragraph, which is what wn_result_text() gives with WN_FLAG_TITLE_IN_TEXT.
cases.tsv lists, per page, the caller's hint, the charset winnow must report
and where it must say the charset came from. The committed files are what
the test reads; this script only makes them reproducible.

Where a browser's decoder (the WHATWG Encoding Standard) differs from the
codec Python encodes with, the expected text says what the browser shows:
EUC-JP 0xA1C1 is U+FF5E, windows-1258 keeps tone marks as combining
characters. The expected texts were checked against Chromium's DOM
(--dump-dom, file:// or an HTTP header for the hint). They differ from it
only where winnow means to:
  - the text comes out in NFC: windows-1258's tone marks are joined to their
    letters (expected/cp1258-meta.txt is the NFC of the DOM's text);
  - a declaration the bytes contradict loses (contra-*); a browser obeys it;
  - the WHATWG "replacement" labels are decoded (a browser shows one U+FFFD);
  - undeclared ISO-2022-JP is detected (as Firefox does; Chromium does not);
  - XML cannot hold C0 controls or U+FFFE/FFFF, so they are left out, and
    Gumbo shows raw controls and noncharacters as U+FFFD (hostile-*);
  - a UTF-16 lead surrogate cut at the end is U+FFFD, as the standard says
    (Chromium drops it).
"""
import itertools
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# ---- the articles: (title, [paragraphs]) ------------------------------------

TEXTS = {
    "fr": ("Le marché du samedi", [
        "Chaque samedi matin, la place de l'église se remplit d'étals colorés : fromages affinés, "
        "pains encore tièdes, pommes de Normandie et bouquets de lavande séchée.",
        "Les habitués arrivent tôt pour éviter la foule. « Il faut venir avant neuf heures si l'on "
        "veut des œufs frais », explique Hélène, qui tient le stand de volailles depuis vingt ans. 🥚",
        "À midi, les marchands replient leurs bâches, et le café d'en face sert ses derniers crèmes "
        "à ceux qui traînent encore.",
    ]),
    "fr15": ("Le cœur de l'hiver", [
        "En janvier, la petite ville semble dormir sous la neige. Les cheminées fument, et les "
        "enfants construisent des bonshommes dans la cour de l'école.",
        "Au café de la gare, un chocolat chaud coûte désormais 3 €, mais personne ne s'en plaint : "
        "c'est le seul endroit où l'on se réchauffe vraiment.",
        "Le soir, les sœurs Martin ouvrent leur librairie et lisent des contes aux voisins. "
        "L'affiche annonce la fête de L'HAŸ-LES-ROSES pour le dernier samedi du mois.",
    ]),
    "de": ("Ein Tag am See", [
        "Am frühen Morgen lag noch Nebel über dem Wasser, und die Boote schaukelten leise an ihren "
        "Stegen. Ein Fischer prüfte geduldig seine Netze.",
        "Gegen Mittag kamen die ersten Familien mit Decken, Körben und Kindern, die sofort zum Ufer "
        "rannten, um flache Steine springen zu lassen.",
        "Am Kiosk kostete ein Eis 2 €, ein Kaffee 1,80 €. „Früher war alles billiger“, murmelte ein "
        "älterer Herr – und kaufte trotzdem zwei.",
    ]),
    "cs": ("Podzim v Krkonoších", [
        "Na horských loukách už zežloutla tráva a ranní mlha se drží v údolích až do poledne. "
        "Chataři zavírají okenice a skládají dříví pod přístřešky.",
        "Turisté, kteří přijedou v říjnu, mají hřebeny skoro pro sebe. „Je to nejkrásnější měsíc "
        "v roce,“ říká průvodkyně Jana, která tu žije už třicet let.",
        "V hospodě pod Sněžkou se podává česnečka a borůvkové knedlíky. Kdo vydrží až do večera, "
        "uvidí nad hřebenem první hvězdy.",
    ]),
    "pl": ("Jesień w Krakowie", [
        "Na Plantach liście klonów mienią się złotem i czerwienią, a studenci spieszą się na zajęcia "
        "z kubkami gorącej herbaty w dłoniach.",
        "W kawiarniach na Kazimierzu trudno o wolny stolik. Przy oknie siedzi starszy pan, który od "
        "czterdziestu lat czyta tę samą gazetę i zamawia szarlotkę.",
        "Wieczorem nad Wisłą robi się chłodno, ale spacerowiczów nie brakuje. Ktoś gra na "
        "skrzypcach, ktoś inny karmi łabędzie bułką.",
    ]),
    "ru": ("Зима в деревне", [
        "В конце декабря снег засыпал дорогу до самой станции, и автобус перестал ходить. Жители "
        "достали из сараев старые сани и лыжи.",
        "По утрам над избами поднимается дым, а на пруду мальчишки расчищают лёд для хоккея. "
        "Вечером в клубе показывают кино, и туда приходит почти вся деревня.",
        "Бабушка Мария Ивановна печёт пироги с капустой и угощает каждого, кто заглянет к ней на "
        "чай. «Лучше моих пирогов во всём районе нет», — смеётся она.",
    ]),
    "ru-koi": ("Весенний сплав", [
        "Когда на реке сошёл лёд, рыбаки вытащили лодки на берег и начали смолить днища. Запах "
        "смолы стоял над посёлком целую неделю.",
        "Старый паромщик Степан говорит, что вода в этом году поднялась выше обычного. Он помнит "
        "паводок шестьдесят восьмого года, когда затопило половину улиц.",
        "К маю река успокоилась, и по ней снова пошли баржи с лесом. Дети бегали к пристани "
        "смотреть, как грузчики перекатывают брёвна.",
    ]),
    "uk": ("Ярмарок у Сорочинцях", [
        "Щороку в серпні до Великих Сорочинців з'їжджаються гончарі, ковалі та майстрині з усієї "
        "Полтавщини. Над ярмарком стоїть гомін і пахне свіжим хлібом.",
        "Біля возів з глиняним посудом завжди людно: господині вибирають глечики, а діти просять "
        "свищики у формі пташок. Ґазда Петро продає мед і віск.",
        "Гості з Білорусі привезли льняні рушники; на їхніх ярликах написано \"Ўсход\", і ця "
        "незвична літера ў викликає в покупців усмішку.",
    ]),
    "el": ("Καλοκαίρι στις Κυκλάδες", [
        "Το πλοίο έφτασε στο λιμάνι της Νάξου λίγο μετά τις έξι το πρωί. Οι ψαράδες είχαν ήδη "
        "απλώσει τα δίχτυα τους στην προκυμαία.",
        "Στα στενά σοκάκια της Χώρας οι γάτες κοιμούνται στη σκιά, ενώ οι γιαγιάδες ασβεστώνουν τα "
        "σκαλοπάτια. Μια ταβέρνα σερβίρει ήδη φρέσκο χταπόδι.",
        "Το βράδυ ο ουρανός γεμίζει αστέρια και από την παραλία ακούγεται μουσική. Κανείς δεν "
        "βιάζεται να γυρίσει στο ξενοδοχείο.",
    ]),
    "el-1253": ("Άνοιξη στην Αθήνα", [
        "Όταν ανθίζουν οι νεραντζιές, η πόλη μυρίζει γλυκά. Οι κάτοικοι βγαίνουν στα μπαλκόνια και "
        "οι καφετέριες απλώνουν τα τραπεζάκια τους στα πεζοδρόμια.",
        "Στην Πλάκα οι τουρίστες φωτογραφίζουν την Ακρόπολη, ενώ οι μικροπωλητές πουλάνε κουλούρια "
        "και κρύο νερό. Ένα κουλούρι κοστίζει 0,70 €.",
        "Άλλοι προτιμούν τον Λυκαβηττό, απ' όπου φαίνεται ολόκληρη η πόλη μέχρι τη θάλασσα του "
        "Σαρωνικού.",
    ]),
    "he": ("שוק הכרמל בבוקר", [
        "בשש בבוקר הדוכנים בשוק הכרמל עוד סגורים, אבל הסוחרים כבר פורקים ארגזים של עגבניות, "
        "מלפפונים ותאנים טריות.",
        "בשעה שמונה השוק מתמלא בקונים. מוכר הפלאפל מכריז על מבצע: מנה במחיר של 15 ₪ בלבד, ותור "
        "ארוך מתחיל להשתרך ליד הדוכן.",
        "בצהריים החום כבד, והקונים מחפשים צל מתחת לסוככים. לפני השבת כולם ממהרים, והמוכרים "
        "מורידים מחירים כדי למכור את הסחורה האחרונה.",
    ]),
    "ar": ("سوق الكتب في القاهرة", [
        "في صباح كل جمعة يمتلئ سور الأزبكية بالباعة الذين يفرشون الكتب القديمة على الأرصفة، من "
        "الروايات إلى كتب التاريخ والشعر.",
        "يأتي الطلاب بحثاً عن الكتب الجامعية الرخيصة، بينما يفتش هواة الجمع عن الطبعات النادرة. "
        "يقول أحد الباعة إن بعض الكتب تمر بين يديه أكثر من عشر مرات.",
        "عند الظهيرة يشتد الحر، فيجلس الباعة في الظل ويشربون الشاي بالنعناع، ويتبادلون الحكايات عن "
        "الزبائن والكتب.",
    ]),
    "vi": ("Buổi sáng ở Hà Nội", [
        "Từ sáu giờ sáng, các quán phở quanh hồ Hoàn Kiếm đã đông khách. Người ta ngồi trên những "
        "chiếc ghế nhựa thấp, húp bát nước dùng nóng hổi.",
        "Bên bờ hồ, các cụ già tập thể dục, còn thanh niên chạy bộ dưới hàng cây. Tiếng còi xe máy "
        "bắt đầu vang lên khắp các phố cổ.",
        "Đến trưa, trời nóng hơn, và mọi người tìm chỗ nghỉ trong các quán cà phê nhỏ, gọi một ly "
        "cà phê sữa đá thật đậm.",
    ]),
    "tr": ("İstanbul'da bir sabah", [
        "Vapur Kadıköy iskelesinden ayrılırken martılar simit parçaları için yolcuların etrafında "
        "dönüyordu. Boğaz'ın suyu sabah güneşinde parlıyordu.",
        "Karaköy'e varınca balıkçılar tezgâhlarını kurmuştu bile. Çay bahçesindeki yaşlı adam "
        "gazetesini bırakıp “Günaydın!” dedi, garson ince belli bardaklarla dolaşıyordu.",
        "Öğleye doğru Galata Köprüsü'nün üstü oltalarla doldu. Şehrin gürültüsü arttıkça, sabahın "
        "sessizliği bir anı gibi geride kaldı.",
    ]),
    "lt": ("Rudens turgus Vilniuje", [
        "Šeštadienio rytą Halės turgavietėje kvepia rūkyta žuvimi, grybais ir šviežia duona. "
        "Ūkininkai iš Dzūkijos atveža pilnus krepšius baravykų.",
        "Pirkėjai derasi dėl kainų, o pardavėjos siūlo paragauti medaus ir naminio sūrio. "
        "„Paragaukite!“ – šaukia moteris prie spanguolių prekystalio.",
        "Po pietų turgus ištuštėja, tačiau kavinėse prie Aušros vartų dar ilgai sėdi žmonės, "
        "besišnekučiuojantys apie derlių ir orus.",
    ]),
    "th": ("ตลาดน้ำยามเช้า", [
        "ตั้งแต่เช้าตรู่ แม่ค้าพายเรือบรรทุกผลไม้ ผัก และขนมไทยมาขายที่ตลาดน้ำ "
        "เสียงเรียกลูกค้าดังไปทั่วคลอง",
        "นักท่องเที่ยวยืนดูอยู่บนสะพาน บางคนลงเรือไปซื้อก๋วยเตี๋ยวเรือที่ปรุงสด ๆ ราคาชามละสี่สิบบาท",
        "พอสายแดดเริ่มแรง ตลาดก็ค่อย ๆ เงียบลง แม่ค้าเก็บของกลับบ้าน เหลือเพียงเรือลำเล็กที่จอดอยู่ริมน้ำ",
    ]),
    "zh": ("老街的早点铺", [
        "清晨五点半，老街拐角的早点铺就亮起了灯。老板娘把和好的面团揉成长条，油锅里很快飘出油条的香味。",
        "六点以后，上班的人陆续赶来，豆浆、包子和煎饼果子很快卖掉一半。有位老顾客说，他在这里吃了二十多年，味道一直没变。",
        "九点钟，铺子里渐渐安静下来。老板娘擦干净桌子，盘算着明天要多准备些韭菜盒子，因为最近来买的人越来越多。",
    ]),
    "zh-euro": ("机场里的早餐", [
        "清晨六点，航站楼里的咖啡店已经排起了长队。赶早班飞机的旅客拖着行李箱，一边看登机时间，一边点餐。",
        "店里的价格牌同时标着人民币和欧元，一份简单的早餐套餐要€8，比市区贵了好几倍，但很少有人抱怨。",
        "七点以后，广播里不断传来登机通知，队伍慢慢变短，店员这才有空把空杯子收回来。",
    ]),
    "zh-gb18030": ("𠮷野家与生僻字", [
        "很多人第一次见到“𠮷”字，都以为是“吉”字写错了。其实它是一个独立的汉字，在日本的姓氏中尤其常见，"
        "在GB18030里要用四个字节来表示。",
        "同样需要四字节编码的还有许多罕用汉字，例如“㐀”和“䶵”。一位出版社的编辑说，排版系统升级之后，"
        "这类字终于不再显示成方框了。",
        "这套丛书定价€15，会员可享受九折优惠。版权页上印着©和出版年份，书脊上的拼音ǹ也终于印对了。",
    ]),
    "zh-tw": ("台北的雨季", [
        "每年五月，梅雨季節一到，台北的街頭就開滿了五顏六色的雨傘。騎機車的人披上雨衣，在車陣中穿梭。",
        "巷口的豆花店生意反而更好，老闆說下雨天大家喜歡來碗熱豆花，加上花生和粉圓，一碗只要四十元。",
        "雨停的時候，山上的雲霧慢慢散開，從陽明山往下看，整座城市像洗過一樣乾淨。",
    ]),
    "yue": ("茶餐廳嘅下晝", [
        "下晝三點，茶餐廳入面坐滿咗人，有啲叫咗杯凍檸茶，有啲食緊菠蘿油，講嘢聲同碗碟聲夾埋一齊。",
        "伙記好快手咁落單，一邊同熟客傾偈：「今日啲蛋撻啱啱出爐㗎，要唔要試吓？」老闆喺收銀機後面笑住點頭。",
        "到咗四點半，客人陸續走晒，伙記開始執枱，準備晚市。呢種忙完又靜嘅節奏，係香港人好熟悉嘅日常。",
    ]),
    "ja-sjis": ("京都の秋", [
        "十一月になると、京都の寺は紅葉を見に来た人々でにぎわう。東福寺の通天橋から眺める谷は、"
        "赤と黄色に染まり、まるで絵のようだ。",
        "拝観時間は朝８時～午後４時で、週末は入口に長い列ができる。地元の人は、早朝に訪れるのが"
        "一番だと口をそろえる。",
        "帰り道には湯豆腐の店に寄るのもいい。温かい豆腐と季節の野菜が、冷えた体をゆっくりと温めて"
        "くれる。①予約は不要、②支払いは現金のみ。",
    ]),
    "ja-euc": ("北海道の冬祭り", [
        "二月の札幌では、大通公園に巨大な雪像が並ぶ。世界中から観光客が集まり、夜になると"
        "ライトアップされた像が幻想的に輝く。",
        "会期は２月４日～１１日。屋台ではじゃがバターや焼きとうもろこしが売られ、寒さの中でも"
        "行列が絶えない。",
        "地元の小学生が作った小さな雪像も人気だ。ある母親は「子どもたちが一週間かけて仕上げました」"
        "と誇らしげに話していた。（ｻｯﾎﾟﾛ市）",
    ]),
    "ja-jis": ("瀬戸内の島めぐり", [
        "岡山の港からフェリーに乗ると、三十分ほどで直島に着く。島のあちこちに現代美術の作品が"
        "置かれ、散歩するだけでも楽しい。",
        "港の近くにある黄色いかぼちゃのオブジェは、島の象徴として知られている。記念写真を撮る人が"
        "絶えず、夕方まで行列が続いた。",
        "宿の主人によると、最近は海外からの旅行者が増えたという。夜、縁側で波の音を聞きながら、"
        "静かな時間を過ごした。",
    ]),
    "ko": ("제주도의 봄", [
        "사월이 되면 제주도의 들판은 노란 유채꽃으로 뒤덮인다. 관광객들은 꽃밭 사이를 걸으며 사진을 "
        "찍고, 멀리 한라산의 능선을 바라본다.",
        "해안 마을에서는 해녀들이 바다에 들어가 전복과 소라를 건져 올린다. 한 해녀는 오십 년 넘게 "
        "물질을 해 왔다며 웃었다.",
        "저녁이 되면 작은 식당들은 고등어구이와 갈치조림을 내놓는다. 주인 할머니의 이름은 똠이라고 "
        "했는데, 흔하지 않은 이름이라 손님들이 자주 묻는다.",
    ]),
    "ko-plain": ("서울의 골목 시장", [
        "아침 일곱 시, 골목 시장의 상인들은 좌판을 펴고 채소와 생선을 늘어놓는다. 떡집에서는 갓 "
        "찐 떡에서 김이 모락모락 피어오른다.",
        "점심 무렵에는 근처 회사원들이 국밥집 앞에 줄을 선다. 주인 아주머니는 삼십 년째 같은 "
        "자리에서 같은 맛을 지키고 있다고 말한다.",
        "해가 지면 시장 안쪽의 작은 술집들이 불을 밝힌다. 사람들은 빈대떡과 막걸리를 앞에 두고 "
        "하루의 이야기를 나눈다.",
    ]),
}

# ---- encoders for what Python's codecs do not do the browser's way ------------


def enc(codec):
    return lambda s: s.encode(codec)


def gbk_with_euro(s):
    """cp936: the euro sign is the single byte 0x80 (Python's gbk refuses it)."""
    return b"\x80".join(part.encode("gbk") for part in s.split("€"))


def euc_jp(s):
    """The page says 〜 (A1C1), which browsers show as U+FF5E."""
    return s.replace("\uff5e", "\u301c").encode("euc_jp")


def koi8_u(s):
    """KOI8-U as the WHATWG index has it: 0xAE/0xBE are ў/Ў (KOI8-RU)."""
    out = bytearray()
    for ch in s:
        out += {"ў": b"\xae", "Ў": b"\xbe"}.get(ch) or ch.encode("koi8_u")
    return bytes(out)


def cp1258(s):
    """windows-1258 as Vietnamese Windows writes it: a base letter the code
    page has, then combining tone marks (0xCC, 0xEC, 0xDE, 0xD2, 0xF2)."""
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, marks = unicodedata.normalize("NFD", ch)[0], unicodedata.normalize("NFD", ch)[1:]
        for r in range(len(marks), -1, -1):
            for kept in itertools.combinations(range(len(marks)), r):
                composed = unicodedata.normalize("NFC", base + "".join(marks[i] for i in kept))
                rest = "".join(m for i, m in enumerate(marks) if i not in kept)
                try:
                    out += composed.encode("cp1258") + rest.encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
            else:
                continue
            break
        else:
            raise ValueError("cp1258 cannot hold %r" % ch)
    return bytes(out)


def cp1258_shown(s):
    """What a browser shows of cp1258(s): the bytes decoded one by one."""
    return cp1258(s).decode("cp1258")


def with_bom(codec, bom):
    return lambda s: bom + s.encode(codec)


# ---- pages ------------------------------------------------------------------------------


def declaration(kind, label):
    if kind == "meta":
        return '<meta charset="%s">' % label
    if kind == "http-equiv":
        return '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % label
    return ""


def page_html(text_key, decl, lang):
    title, paras = TEXTS[text_key]
    head = "\n".join(x for x in (decl, "<title>%s</title>" % title) if x)
    body = "\n".join("<p>%s</p>" % p for p in paras)
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n%s\n</head>\n<body>\n<article>\n'
            '<h1>%s</h1>\n%s\n</article>\n</body>\n</html>\n' % (lang, head, title, body))


def shown_text(text_key):
    title, paras = TEXTS[text_key]
    return "".join(line + "\n" for line in [title] + paras)


# id, text, lang, declaration (kind, label), encoder, hint, charset, source
CASES = [
    # UTF-8 and UTF-16
    ("utf8-meta", "fr", "fr", ("meta", "utf-8"), enc("utf-8"), None, "UTF-8", "meta"),
    ("utf8-alias-unicode-1-1-utf-8", "de", "de", ("meta", "unicode-1-1-utf-8"), enc("utf-8"), None,
     "UTF-8", "meta"),
    ("utf8-bom", "zh", "zh", None, with_bom("utf-8", b"\xef\xbb\xbf"), None, "UTF-8", "bom"),
    ("utf8-bom-beats-meta-and-hint", "ru", "ru", ("meta", "windows-1251"),
     with_bom("utf-8", b"\xef\xbb\xbf"), "koi8-r", "UTF-8", "bom"),
    ("utf8-undeclared", "ko-plain", "ko", None, enc("utf-8"), None, "UTF-8", "detected"),
    ("utf8-meta-says-utf-16", "ja-jis", "ja", ("meta", "utf-16"), enc("utf-8"), None, "UTF-8", "meta"),
    ("utf16le-bom", "zh-gb18030", "zh", ("meta", "utf-16"), with_bom("utf-16-le", b"\xff\xfe"), None,
     "UTF-16LE", "bom"),
    ("utf16be-bom", "el", "el", None, with_bom("utf-16-be", b"\xfe\xff"), "windows-1253", "UTF-16BE", "bom"),
    ("utf16le-hint-utf-16", "zh", "zh", None, enc("utf-16-le"), "utf-16", "UTF-16LE", "hint"),
    # declarations the bytes contradict, and who beats whom
    ("contra-utf8-declared-gbk-bytes", "zh", "zh", ("meta", "utf-8"), enc("gbk"), None, "GB18030",
     "detected"),
    ("contra-1252-declared-utf8-bytes", "de", "de", ("meta", "windows-1252"), enc("utf-8"), None,
     "UTF-8", "detected"),
    ("hint-beats-meta", "ru", "ru", ("meta", "koi8-r"), enc("cp1251"), "windows-1251", "WINDOWS-1251",
     "hint"),
    # Chinese
    ("gbk-http-equiv-gb2312", "zh", "zh", ("http-equiv", "gb2312"), enc("gbk"), None, "GB18030", "meta"),
    ("gbk-euro-0x80", "zh-euro", "zh", ("meta", "gbk"), gbk_with_euro, None, "GB18030", "meta"),
    ("gbk-hint-x-gbk", "zh", "zh", None, enc("gbk"), "x-gbk", "GB18030", "hint"),
    ("gbk-undeclared", "zh", "zh", None, enc("gbk"), None, "GB18030", "detected"),
    ("gb18030-four-byte", "zh-gb18030", "zh", ("meta", "gb18030"), enc("gb18030"), None, "GB18030",
     "meta"),
    ("big5-meta", "zh-tw", "zh-Hant", ("meta", "big5"), enc("big5"), None, "BIG5-HKSCS", "meta"),
    ("big5-http-equiv-csbig5", "zh-tw", "zh-Hant", ("http-equiv", "csbig5"), enc("big5"), None,
     "BIG5-HKSCS", "meta"),
    ("big5-undeclared", "zh-tw", "zh-Hant", None, enc("big5"), None, "BIG5-HKSCS", "detected"),
    ("big5hkscs-meta", "yue", "zh-HK", ("meta", "big5-hkscs"), enc("big5hkscs"), None, "BIG5-HKSCS",
     "meta"),
    ("big5hkscs-declared-big5", "yue", "zh-HK", ("meta", "big5"), enc("big5hkscs"), None, "BIG5-HKSCS",
     "meta"),
    # Japanese
    ("sjis-meta", "ja-sjis", "ja", ("meta", "shift_jis"), enc("cp932"), None, "WINDOWS-31J", "meta"),
    ("sjis-http-equiv-x-sjis", "ja-sjis", "ja", ("http-equiv", "x-sjis"), enc("cp932"), None,
     "WINDOWS-31J", "meta"),
    ("sjis-undeclared", "ja-sjis", "ja", None, enc("cp932"), None, "WINDOWS-31J", "detected"),
    ("eucjp-meta", "ja-euc", "ja", ("meta", "euc-jp"), euc_jp, None, "EUC-JP", "meta"),
    ("eucjp-undeclared", "ja-euc", "ja", None, euc_jp, None, "EUC-JP", "detected"),
    ("iso2022jp-meta", "ja-jis", "ja", ("meta", "iso-2022-jp"), enc("iso2022_jp"), None, "ISO-2022-JP",
     "meta"),
    ("iso2022jp-undeclared", "ja-jis", "ja", None, enc("iso2022_jp"), None, "ISO-2022-JP", "detected"),
    # Korean
    ("euckr-meta", "ko", "ko", ("meta", "euc-kr"), enc("cp949"), None, "CP949", "meta"),
    ("euckr-http-equiv-ks_c_5601-1987", "ko", "ko", ("http-equiv", "ks_c_5601-1987"), enc("cp949"),
     None, "CP949", "meta"),
    ("euckr-undeclared", "ko-plain", "ko", None, enc("euc_kr"), None, "CP949", "detected"),
    # WHATWG "replacement" labels: decoded with the real decoder (see README)
    ("replacement-iso-2022-kr", "ko-plain", "ko", ("meta", "iso-2022-kr"), enc("iso2022_kr"), None,
     "ISO-2022-KR", "meta"),
    ("replacement-hz-gb-2312", "zh", "zh", ("meta", "hz-gb-2312"), enc("hz"), None, "HZ-GB-2312",
     "meta"),
    # Cyrillic
    ("koi8r-meta", "ru-koi", "ru", ("meta", "koi8-r"), enc("koi8_r"), None, "KOI8-R", "meta"),
    ("koi8r-meta-koi", "ru-koi", "ru", ("meta", "koi"), enc("koi8_r"), None, "KOI8-R", "meta"),
    ("koi8r-undeclared", "ru-koi", "ru", None, enc("koi8_r"), None, "KOI8-R", "detected"),
    ("koi8u-meta", "uk", "uk", ("meta", "koi8-u"), koi8_u, None, "KOI8-U", "meta"),
    ("cp1251-meta-x-cp1251", "ru", "ru", ("meta", "x-cp1251"), enc("cp1251"), None, "WINDOWS-1251",
     "meta"),
    ("cp1251-undeclared", "ru", "ru", None, enc("cp1251"), None, "WINDOWS-1251", "detected"),
    # Greek, Hebrew, Arabic, Vietnamese, Turkish, Baltic, Thai
    ("iso8859-7-meta", "el", "el", ("meta", "iso-8859-7"), enc("iso8859_7"), None, "ISO-8859-7", "meta"),
    ("cp1253-http-equiv", "el-1253", "el", ("http-equiv", "windows-1253"), enc("cp1253"), None,
     "WINDOWS-1253", "meta"),
    ("cp1255-meta", "he", "he", ("meta", "windows-1255"), enc("cp1255"), None, "WINDOWS-1255", "meta"),
    ("cp1256-meta", "ar", "ar", ("meta", "windows-1256"), enc("cp1256"), None, "WINDOWS-1256", "meta"),
    ("cp1258-meta", "vi", "vi", ("meta", "windows-1258"), cp1258, None, "WINDOWS-1258", "meta"),
    ("iso8859-9-is-cp1254", "tr", "tr", ("meta", "iso-8859-9"), enc("cp1254"), None, "WINDOWS-1254",
     "meta"),
    ("cp1257-meta", "lt", "lt", ("meta", "windows-1257"), enc("cp1257"), None, "WINDOWS-1257", "meta"),
    ("tis-620-is-cp874", "th", "th", ("meta", "tis-620"), enc("cp874"), None, "WINDOWS-874", "meta"),
    # Latin
    ("cp1250-meta", "cs", "cs", ("meta", "windows-1250"), enc("cp1250"), None, "WINDOWS-1250", "meta"),
    ("iso8859-2-meta-latin2", "pl", "pl", ("meta", "latin2"), enc("iso8859_2"), None, "ISO-8859-2",
     "meta"),
    ("latin1-is-cp1252", "de", "de", ("meta", "latin1"), enc("cp1252"), None, "WINDOWS-1252", "meta"),
    ("iso8859-1-hint-is-cp1252", "de", "de", None, enc("cp1252"), "iso-8859-1", "WINDOWS-1252", "hint"),
    ("iso8859-15-meta", "fr15", "fr", ("meta", "iso-8859-15"), enc("iso8859_15"), None, "ISO-8859-15",
     "meta"),
    ("x-user-defined-meta-is-cp1252", "de", "de", ("meta", "x-user-defined"), enc("cp1252"), None,
     "WINDOWS-1252", "meta"),
]

# Expected text where the browser shows something other than the source text.
SHOWN = {
    "cp1258-meta": lambda key: cp1258_shown(shown_text(key)),
}

# ---- hostile pages: built byte by byte ------------------------------------------------


def hostile_pages():
    """(id, bytes, hint, charset, source, expected text)."""
    pages = []
    head = b'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="%s">\n<title>%s</title>\n</head>\n<body>\n<article>\n'
    tail = b"</article>\n</body>\n</html>\n"

    def doc(charset, title, paras, end=tail):
        return head % (charset, title) + b"".join(b"<p>" + p + b"</p>\n" for p in paras) + end

    zh = [p.encode() for p in TEXTS["zh"][1]]
    zh_title = TEXTS["zh"][0].encode()

    # NUL bytes: ignored in body text, U+FFFD in the title (RCDATA), as the HTML parser says.
    pages.append(("hostile-nul-bytes",
                  doc(b"utf-8", b"Nul\x00 in the title",
                      [b"A paragraph with a NUL\x00 byte inside a word, and another one at the end of "
                       b"the sentence.\x00",
                       b"The second paragraph has none and is long enough to count as article text "
                       b"for the extractor, which is all it needs."]),
                  None, "UTF-8", "meta",
                  "Nul\ufffd in the title\n"
                  "A paragraph with a NUL byte inside a word, and another one at the end of the sentence.\n"
                  "The second paragraph has none and is long enough to count as article text for the "
                  "extractor, which is all it needs.\n"))

    # A character cut at the very end of the page (a capped download): one U+FFFD.
    last = TEXTS["zh"][1][2]  # ends in 多。
    body = doc(b"utf-8", zh_title, zh[:2] + [last[:-2].encode()], end=b"")
    body = body[:-len("</p>\n")] + "多".encode()[:2]
    pages.append(("hostile-truncated-utf8", body, None, "UTF-8", "meta",
                  "\n".join([zh_title.decode()] + TEXTS["zh"][1][:2] + [last[:-2] + "\ufffd"]) + "\n"))

    sjis_title, sjis = TEXTS["ja-sjis"]
    body = doc(b"shift_jis", sjis_title.encode("cp932"), [p.encode("cp932") for p in sjis], end=b"")
    body = body[:-len("</p>\n") - 1]  # the lead byte of the last character (。) only
    pages.append(("hostile-truncated-sjis", body, None, "WINDOWS-31J", "meta",
                  sjis_title + "\n" + sjis[0] + "\n" + sjis[1] + "\n" + sjis[2][:-1] + "\ufffd\n"))

    g_title, g = TEXTS["zh-gb18030"]
    tail_text = "最后是𠮷"
    body = doc(b"gb18030", g_title.encode("gb18030"),
               [p.encode("gb18030") for p in g] + [tail_text.encode("gb18030")], end=b"")
    body = body[:-len("</p>\n") - 2]  # 2 of the 4 bytes of 𠮷
    pages.append(("hostile-truncated-gb18030", body, None, "GB18030", "meta",
                  g_title + "\n" + "\n".join(g) + "\n" + tail_text[:-1] + "\ufffd\n"))

    # C0 controls raw and as references, and the references the HTML parser
    # turns into U+FFFD or remaps. XML cannot hold C0 controls or U+FFFE/FFFF,
    # so the output leaves out what a browser keeps. Raw controls (C0, DEL,
    # C1) and raw noncharacters show as U+FFFD: Gumbo 0.10.1 replaces them in
    # its input stream (a browser keeps them); references to them it keeps.
    pages.append(("hostile-c0-controls",
                  doc(b"utf-8", b"Control\x01 characters",
                      [b"Raw controls:\x01\x02\x08 start\x0e\x1f and DEL\x7f are marked by the "
                       b"parser, while tab\tand form\x0cfeed are white space.",
                       b"References: &#1;one, &#0;zero, &#xD800;surrogate, &#xFFFE;nonchar, "
                       b"&#x80;euro, &#x9F;Y, &#x10FFFF;max, in a long enough sentence."]),
                  None, "UTF-8", "meta",
                  "Control\ufffd characters\n"
                  "Raw controls:\ufffd\ufffd\ufffd start\ufffd\ufffd and DEL\ufffd are marked by the "
                  "parser, while tab and form feed are white space.\n"
                  "References: one, \ufffdzero, \ufffdsurrogate, nonchar, \u20aceuro, \u0178Y, "
                  "\U0010ffffmax, in a long enough sentence.\n"))

    pages.append(("hostile-noncharacters",
                  doc(b"utf-8", "Non\ufffecharacters".encode(),
                      ["U+FFFE\ufffe, U+FFFF\uffff, U+FDD0\ufdd0 and U+1FFFE\U0001fffe are "
                       "noncharacters: a browser keeps them, the parser marks them.".encode(),
                       "A second paragraph of ordinary text, so that the article is long enough to be "
                       "the article.".encode()]),
                  None, "UTF-8", "meta",
                  "Non\ufffdcharacters\n"
                  "U+FFFE\ufffd, U+FFFF\ufffd, U+FDD0\ufffd and U+1FFFE\ufffd are noncharacters: a "
                  "browser keeps them, the parser marks them.\n"
                  "A second paragraph of ordinary text, so that the article is long enough to be the "
                  "article.\n"))

    # Bad UTF-8 in a declared UTF-8 page: one U+FFFD per maximal bad subpart.
    bad = [zh[0], b"Overlong \xc0\xaf, surrogate \xed\xa0\x80, too high \xf5, stray \x80, cut \xe4\xbdshort.",
           zh[1], zh[2]]
    pages.append(("hostile-invalid-utf8", doc(b"utf-8", zh_title, bad), None, "UTF-8", "meta",
                  zh_title.decode() + "\n" + TEXTS["zh"][1][0] + "\n" +
                  "Overlong \ufffd\ufffd, surrogate \ufffd\ufffd\ufffd, too high \ufffd, stray \ufffd, "
                  "cut \ufffdshort.\n" + TEXTS["zh"][1][1] + "\n" + TEXTS["zh"][1][2] + "\n"))

    # UTF-16 with unpaired surrogates: each is one U+FFFD (WHATWG UTF-16 decoder).
    for name, codec, bom in (("le", "utf-16-le", b"\xff\xfe"), ("be", "utf-16-be", b"\xfe\xff")):
        def u(s):
            return s.encode(codec)

        def unit(v):
            return v.to_bytes(2, "little" if name == "le" else "big")
        para = (u("Lone high ") + unit(0xD800) + u("x, lone low ") + unit(0xDC00) + u("y, a pair ") +
                unit(0xD83D) + unit(0xDE00) + u(", two highs ") + unit(0xDBFF) + unit(0xD800) +
                u("z, in a sentence long enough to be kept as the article."))
        html = (u('<!DOCTYPE html>\n<html>\n<head>\n<title>Surrogates</title>\n</head>\n<body>\n'
                  '<article>\n<p>') + para + u("</p>\n<p>A second paragraph of plain text follows "
                                               "the first one, to make an article.</p>\n<p>The end: ") +
                unit(0xD800) + (b"\x00" if name == "le" else b""))
        pages.append(("hostile-utf16%s-surrogates" % name, bom + html, None, "UTF-16%s" % name.upper(),
                      "bom",
                      "Surrogates\n"
                      "Lone high \ufffdx, lone low \ufffdy, a pair \U0001f600, two highs \ufffd\ufffdz, in "
                      "a sentence long enough to be kept as the article.\n"
                      "A second paragraph of plain text follows the first one, to make an article.\n"
                      "The end: \ufffd\n"))

    # windows-1252's undefined bytes are C1 controls to a browser, not
    # errors; the decoder gives U+0081 and so on, which the parser (as above)
    # then shows as U+FFFD.
    de_title, de = TEXTS["de"]
    pages.append(("cp1252-undefined-bytes-are-c1",
                  doc(b"windows-1252", de_title.encode("cp1252"),
                      [de[0].encode("cp1252"), b"Bytes \x81, \x8d, \x8f, \x90 and \x9d: " +
                       de[1].encode("cp1252"), de[2].encode("cp1252")]),
                  None, "WINDOWS-1252", "meta",
                  de_title + "\n" + de[0] + "\nBytes \ufffd, \ufffd, \ufffd, \ufffd and \ufffd: " + de[1] + "\n" +
                  de[2] + "\n"))
    return pages


def main():
    pages_dir = os.path.join(HERE, "pages")
    expected_dir = os.path.join(HERE, "expected")
    os.makedirs(pages_dir, exist_ok=True)
    os.makedirs(expected_dir, exist_ok=True)
    rows = []
    for cid, key, lang, decl, encoder, hint, charset, source in CASES:
        html = page_html(key, declaration(*decl) if decl else "", lang)
        data = encoder(html)
        shown = SHOWN.get(cid, shown_text)(key)
        rows.append((cid, data, hint, charset, source, shown))
    rows += hostile_pages()
    lines = ["# id\tpage\thint\tcharset\tsource\texpected"]
    for cid, data, hint, charset, source, shown in rows:
        with open(os.path.join(pages_dir, cid + ".html"), "wb") as f:
            f.write(data)
        with open(os.path.join(expected_dir, cid + ".txt"), "wb") as f:
            f.write(unicodedata.normalize("NFC", shown).encode("utf-8", "surrogatepass"))
        lines.append("\t".join([cid, "pages/%s.html" % cid, hint or "-", charset, source,
                                "expected/%s.txt" % cid]))
    with open(os.path.join(HERE, "cases.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("%d cases" % len(rows))


if __name__ == "__main__":
    main()
