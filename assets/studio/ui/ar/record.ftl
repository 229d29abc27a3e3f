# kyr's studio, recording pages: Arabic (not reviewed yet). Names of
# languages and documents are passed in as they are written.

studio-record-page-title = تسجيل «{ $document }»
studio-record-language = التسجيل باللغة:
studio-record-under-heading = تحت العنوان
studio-record-is-title = هذا هو عنوان الوثيقة.
studio-record-read-aloud = اقرأ هذا بصوت عالٍ
studio-record-not-written = لم يُكتب بعد باللغة { $language }. هذا هو النص باللغة { $source }: قُله باللغة { $language }.
studio-record-state = التسجيل:
studio-record-state-missing = لم يُسجَّل بعد
studio-record-state-recorded = مسجَّل
studio-record-state-changed = يجب تسجيله من جديد: النص تغيّر
studio-record-state-unconfirmed = مسجَّل، لكن لم تتم مقارنته بالنص بعد: استمع إليه، وأعد تسجيله إن لزم
studio-record-current = التسجيل المحفوظ الآن ({ $duration })
studio-record-your-take = تسجيلك الجديد (لم يُحفظ بعد)
studio-record-saved-previous = حُفظت الرسالة { $at }. هذه هي الرسالة التالية.
studio-record-new = سجّلها
studio-record-with-phone = سجّل بمسجّل الهاتف، أو اختر تسجيلًا
studio-record-on-page = أو سجّل في هذه الصفحة
studio-record-start = ● تسجيل
studio-record-stop = ■ إيقاف
studio-record-save = حفظ
studio-record-help = اقرأ النص بصوت عالٍ، واستمع إلى تسجيلك، ثم اضغط «حفظ».

## Said by the page's script while a volunteer records.

studio-record-js-recording = جارٍ التسجيل… اقرأ النص بصوت عالٍ، ثم اضغط «إيقاف».
studio-record-js-listen = استمع إلى تسجيلك. احفظه إن كان صحيحًا، أو سجّله من جديد.
studio-record-js-chosen = استمع إلى التسجيل الذي اخترته. احفظه إن كان صحيحًا.
studio-record-js-saving = جارٍ الحفظ…
studio-record-js-mic-refused = رُفض استخدام الميكروفون. اسمح لهذه الصفحة باستخدامه، ثم اضغط «تسجيل» من جديد، أو سجّل بمسجّل الهاتف.
studio-record-js-mic-missing = لم يُعثر على ميكروفون. شغّل ميكروفونًا، ثم اضغط «تسجيل» من جديد، أو سجّل بمسجّل الهاتف.
studio-record-js-mic-failed = تعذّر تشغيل الميكروفون. أغلق التطبيقات الأخرى التي تستخدمه، ثم اضغط «تسجيل» من جديد، أو سجّل بمسجّل الهاتف.
studio-record-js-offline = لم يُحفظ: برنامج kyr serve لا يجيب. هل ما زال يعمل على الحاسوب؟

## What the server answers to a recording.

studio-record-saved = حُفظ ({ $duration }).
studio-record-refused-kind = لم يُحفظ: هذا الملف ليس تسجيلًا يستطيع kyr حفظه. اختر تسجيلًا من مسجّل الهاتف (M4A)، أو سجّل في هذه الصفحة.
studio-record-refused-format = لم يُحفظ: هذا التسجيل بصيغة { $format }، وkyr يحفظ تسجيلات M4A (AAC) وOgg Opus وWebM Opus. سجّله بمسجّل الهاتف أو في هذه الصفحة.
studio-record-refused-empty = لم يُحفظ: الملف فارغ. سجّل الرسالة من جديد.
studio-record-refused-damaged = لم يُحفظ: التسجيل تالف أو مقطوع، فلن يعمل. سجّل الرسالة من جديد.
studio-record-refused-codec = لم يُحفظ: في التسجيل نوع من الصوت لا يحفظه kyr ({ $codec }). سجّله بمسجّل الهاتف المعتاد (M4A)، أو في هذه الصفحة.
studio-record-refused-silent = لم يُحفظ: التسجيل صامت. ربما الميكروفون مكتوم، أو ليس هو المستخدَم: تحقّق منه وسجّل من جديد.
studio-record-refused-large = لم يُحفظ: التسجيل أكبر من { $limit }، وهو حدّ هذا المشروع (`max_audio_bytes` في kyr.toml). سجّل الرسالة وحدها، أو على أجزاء أقصر.
studio-record-refused-cut = لم يُحفظ: لم يصل التسجيل كاملًا. حاول مرة أخرى.
studio-record-no-such-message = هذه الوثيقة لا تقرأ رسالة كهذه. ارجع إلى قائمة اللغات والوثائق.
studio-record-failed = لم يُحفظ: لم يستطع الحاسوب كتابة التسجيل ({ $why }). أخبر الشخص المنظِّم.
