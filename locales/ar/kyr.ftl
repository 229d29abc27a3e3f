# Arabic translation of locales/en/kyr.ftl. Not yet reviewed by a native speaker.

project-title = اعرف حقوقك
kyr-not-legal-advice = معلومات عامة، وليست استشارة قانونية.
kyr-last-reviewed = آخر مراجعة: { $date }
kyr-unreviewed = لم تتم مراجعة هذه الترجمة بعد.
kyr-partial = بعض أجزاء هذه الصفحة لم تُترجم بعد، وتظهر بلغة أخرى.
kyr-mostly-fallback = معظم هذه الصفحة لم يُترجَم بعد. المقاطع المعلَّمة باسم لغة معروضة بتلك اللغة.
kyr-translated = نسبة الترجمة: { $percent } %
kyr-languages = اللغات
kyr-sources = المصادر
kyr-documents = الوثائق
kyr-help = مساعدة قانونية مجانية: { $organization }، { $hotline }
