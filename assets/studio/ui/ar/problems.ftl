# kyr's studio, the problems box of a served page: Arabic (not reviewed
# yet). kyr's own English words follow each problem as a detail.

studio-problems-heading = وجد kyr مشكلات في هذه الصفحة
studio-problems-errors = الأخطاء: { $count }
studio-problems-warnings = التنبيهات: { $count }
studio-problems-note = يظهر هذا المربّع هنا فقط، ما دام kyr serve يعمل: الصفحات التي يكتبها kyr لا تحتوي عليه. يختفي بعد تصحيح الملف وحفظه.
studio-problems-error = خطأ
studio-problems-warning = تنبيه
studio-problems-message = الرسالة
studio-problems-detail = يقول kyr:
studio-problems-more = …ومشكلات أخرى عددها { $count }. النافذة التي يعمل فيها kyr serve تعرضها كلها.

## What each kind of problem means and what to do, by its code.

studio-problem-ftl-syntax = لا يستطيع kyr قراءة هذا السطر، فتعرض الصفحة هذه الرسالة بلغة أخرى. اكتبها على شكل «id = النص»، وابدأ كل سطر تالٍ من النص بمسافات، وأغلق كل قوس معقوف مفتوح.
studio-problem-message-unusable = في هذه الرسالة خطأ في كل لغة كُتبت بها، فلا تستطيع الصفحة عرضها. صحّحها في إحدى هذه اللغات.
studio-problem-message-missing = تستخدم الوثيقة رسالة غير موجودة في اللغة المرجعية. على كاتب الوثيقة إضافتها هناك.
studio-problem-variable-dropped = تُسقط الترجمة قيمة بين قوسين معقوفين موجودة في الأصل، مثل رقم الهاتف. انسخها من الأصل إلى مكانها في الجملة، كما هي مكتوبة هناك تمامًا.
studio-problem-variable-added = في الترجمة قيمة بين قوسين معقوفين غير موجودة في الأصل. احذفها، أو قارن كتابتها بالأصل.
studio-problem-markdown-emphasis = نجمتان (أو شرطتان سفليتان) تبدآن خطًا عريضًا أو مائلًا لا يُغلَق، فستُطبعان كما هما. أضف العلامات نفسها بعد آخر كلمة تريد إبرازها، أو احذفها.
studio-problem-markdown = في هذا النص علامة لا تستطيع الصفحة عرضها كما أُريد (قائمة أو عنوان أو رابط في غير مكانه). اكتبه بالعلامات التي يستخدمها الأصل.
studio-problem-control-char = في النص حرف تحكّم غير مرئي، وسيُحذف. اكتب السطر من جديد بدونه.
studio-problem-bidi-control = في الملف حرف غير مرئي يغيّر اتجاه القراءة. احذفه: kyr يعطي كل لغة اتجاهها بنفسه.
studio-problem-ftl-private-use = في النص حرف لا يقبله kyr في الرسائل، وسيُستبدل. اكتبه من جديد.
studio-problem-id-typo = لا تستخدم أي وثيقة هذا المعرّف: يبدو معرّف رسالة مكتوبًا خطأً، فتعرض الصفحة تلك الرسالة بلغة أخرى. صحّح المعرّف ليطابق الأصل تمامًا.
studio-problem-ftl-duplicate = هذه الرسالة مكتوبة مرتين في هذه اللغة. أبقِ واحدة واحذف الأخرى.
studio-problem-encoding = هذا الملف غير محفوظ بترميز UTF-8، فلا يستطيع kyr قراءته. احفظه من جديد بترميز UTF-8.
studio-problem-stale = تغيّر النص الأصلي بعد مراجعة هذه الترجمة، فقد تقول الآن شيئًا آخر. قارنها بالأصل، وصحّحها إن لزم، ثم أكّدها.
studio-problem-audio-stale = تغيّر النص بعد هذا التسجيل، فقد لا يقول الشيء نفسه. استمع إليه، وأعد تسجيله إن لزم.
studio-problem-fallback-in-complete = هذه اللغة موسومة بأنها كاملة، لكن هذه الرسالة لم تُترجَم بعد، فتعرضها الصفحة بلغة أخرى. ترجمها.
studio-problem-glyph-missing = لا يوجد لدى kyr خط يرسم بعض حروف هذا النص، فستُطبع مربّعات. تحقّق من وجود حرف مكتوب خطأً؛ وإن كانت الحروف صحيحة، فأخبر الشخص المنظِّم.
studio-problem-text-outside = هذا النص أطول من مكانه في الصفحة المطبوعة، فيُقطع. اختصره، أو اترك مسافات حيث يمكن أن تنكسر كلمة طويلة.
studio-problem-card-size = في أحد وجهي بطاقة الجيب نص أكثر مما تتّسع له البطاقة. اختصر رسائل ذلك الوجه.
studio-problem-card-text-small = أحد وجهي بطاقة الجيب مطبوع بخط أصغر من أن يُقرأ. اختصر رسائل ذلك الوجه.
studio-problem-example-value = تطبع الصفحة قيمة مثال (رقم هاتف أو اسم لا يوصل إلى أحد). على الشخص المنظِّم وضع القيمة الحقيقية في kyr.toml.
