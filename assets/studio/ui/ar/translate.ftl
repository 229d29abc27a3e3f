# kyr's studio, translate pages: Arabic (not reviewed yet).

studio-translate-title = { $document } إلى { $language }
studio-translate-into = الترجمة إلى { $language }
studio-translate-heading = في الجزء:
studio-translate-source = باللغة { $language }:
studio-translate-comment = ملاحظة للمترجمين:
studio-translate-today-own = تعرض الصفحات نصّك باللغة { $language }.
studio-translate-today-fallback = لم يُكتب بعد باللغة { $language }: تعرضه الصفحات باللغة { $shown }.
studio-translate-today-broken = في نصّك باللغة { $language } خطأ: تعرضه الصفحات باللغة { $shown } حتى يُصحَّح.
studio-translate-stale = تغيّر النص الأصلي منذ ترجمة هذه الرسالة
studio-translate-stale-was = كان:
studio-translate-stale-now = أصبح:
studio-translate-field = نصّك باللغة { $language }
studio-translate-chips = أدرِج:
studio-translate-marks = اكتب نصًا عاديًا. نجمتان **هكذا** حول كلمات تجعلانها بخط عريض، والرابط يُكتب هكذا: ⁦[كلمات](https://…)⁩. اضغط زرًا من الأزرار أعلاه لإدراج رقم أو اسم: لا تكتبه بنفسك.
studio-translate-preview = كما سيُطبع
studio-translate-save = احفظ وانتقل إلى التالي
studio-translate-checking = جارٍ التحقق…
studio-translate-no-problem = لم يُعثر على أي مشكلة.
studio-translate-saving = جارٍ الحفظ…
studio-translate-saved = حُفظ في { $file }.
studio-translate-empty = اكتب الترجمة أولًا.
studio-translate-offline = لم يُجب kyr: هل ما زال kyr serve يعمل على الحاسوب؟
studio-translate-detail = كلمات kyr (بالإنجليزية)
studio-translate-not-editable = هذه الرسالة تختار كلماتها حسب رقم أو دالّة: لا يمكن تعديلها هنا. اطلب من الشخص المنظِّم تعديلها في ملفها.
studio-translate-reference = هذه هي اللغة المرجعية: يكتب المنظِّمون نصّها، وتُترجَم اللغات الأخرى منها.
studio-translate-at = السطر { $line }، الحرف { $column }.
studio-translate-refused-errors = لم يُحفظ: صحّح أولًا الأخطاء المبيّنة باللون الأحمر.
studio-translate-refused-usage = لم يُحفظ: لا يستطيع kyr استخدام هذا النص هنا.
studio-translate-refused-failed = لم يُحفظ: لم يستطع kyr كتابة الملف.
studio-translate-refused-not-json = أرسلت الصفحة شيئًا لا يفهمه kyr. أعد تحميل الصفحة.
studio-translate-refused-too-long = هذا النص أطول من أن يكون رسالة واحدة.

## What each problem kyr finds means, by its code.

studio-translate-problem-ftl-syntax = لا يستطيع kyr قراءة هذا: شيء مكتوب يبدو كبداية اسم أو رقم بين قوسين معقوفين {"{ }"}، لكنه ليس كذلك. استخدم الأزرار لإدراج الأرقام والأسماء، وتحقّق من الأقواس.
studio-translate-problem-markdown-emphasis = نجمتان ** تفتحان خطًا عريضًا لا يُغلَق: ضع ** بعد آخر كلمة بالخط العريض أيضًا، أو احذفهما.
studio-translate-problem-markdown = علامات الخط العريض أو الروابط أو القوائم غير مستخدمة هنا كما ينبغي.
studio-translate-problem-ftl-duplicate = هذا النص مكتوب مرتين في الملف.
studio-translate-problem-ftl-private-use = هنا حرف لا تستطيع معظم الهواتف والطابعات عرضه. اكتبه من جديد بلوحة مفاتيح عادية.
studio-translate-problem-variable-dropped = ينقص رقم أو اسم موجود في النص الأصلي: أدرِجه بزرّه.
studio-translate-problem-variable-added = هنا رقم أو اسم غير موجود في النص الأصلي.
studio-translate-problem-variable-unknown = هذا الاسم بين القوسين ليس اسمًا يعرفه kyr: أدرِج الأرقام والأسماء بأزرارها، ولا تكتبها بنفسك.
studio-translate-problem-ftl-reference = يشير هذا النص إلى نص آخر غير موجود.
studio-translate-problem-ftl-cycle = يشير هذا النص إلى نفسه.
studio-translate-problem-control-char = هنا حرف غير مرئي. اكتب النص من جديد، أو احذفه.
studio-translate-problem-bidi-control = هنا علامة اتجاه غير مرئية. احذفها: kyr يضبط اتجاه النص بنفسه.
studio-translate-problem-glyph-missing = لا يمكن طباعة حرف هنا بخطوط kyr.
studio-translate-problem-fallback-in-complete = ما دام في هذا النص خطأ، تعرضه الصفحات بلغة أخرى.
studio-translate-problem-message-unusable = لا توجد لغة فيها نص صالح لهذه الرسالة.
studio-translate-problem-limit = هذا النص طويل جدًا.
studio-translate-problem-audio-stale = تسجيل هذه الرسالة يقرأ النص القديم: سجّلها من جديد بعد الحفظ.
studio-translate-problem-other-error = وجد kyr خطأً هنا.
studio-translate-problem-other-warning = وجد kyr هنا شيئًا يجب التحقق منه.
