# Arabic translation of locales/en/kyr.ftl. Not yet reviewed by a native speaker.

project-title = اعرف حقوقك
kyr-not-legal-advice = معلومات عامة، وليست استشارة قانونية.
kyr-last-reviewed = آخر مراجعة: { $date }
kyr-unreviewed = لم تتم مراجعة هذه الترجمة بعد.
kyr-partial = بعض أجزاء هذه الصفحة لم تُترجم بعد، وتظهر بلغة أخرى.
kyr-mostly-fallback = معظم هذه الصفحة لم يُترجَم بعد. المقاطع المعلَّمة باسم لغة معروضة بتلك اللغة.
kyr-not-translated = هذا النص لم يُترجم بعد.
kyr-translated = نسبة الترجمة: { $share }
kyr-print = طباعة
kyr-print-handout = النشرة: اطبعها بحجم 100 %، على وجه واحد أو على الوجهين.
kyr-print-card = بطاقة الجيب لمطبعة: الوجه والظهر، بالحجم الفعلي.
kyr-print-card-sheet = بطاقات الجيب للطباعة في المنزل: على الوجهين، مع القلب على الحافة الطويلة، بحجم 100 % (الحجم الفعلي، وليس «ملاءمة للصفحة»)؛ ثم قُصّها على طول العلامات.
kyr-print-booklet = صفحات الكتيّب، للقراءة على الشاشة أو للطباعة صفحةً صفحة.
kyr-print-booklet-sheets = كتيّب للطيّ: على الوجهين، مع القلب على الحافة القصيرة، بحجم 100 %؛ رُصّ الأوراق واطوِها من المنتصف ودبّسها على الطيّة.
kyr-languages = اللغات
kyr-sources = المصادر
kyr-listen = استمع
kyr-documents = الوثائق
kyr-help = مساعدة قانونية مجانية: { $organization }، { $hotline }
