# kyr's studio, the work index: Arabic (not reviewed yet).

studio-work-page-title = العمل المطلوب
studio-work-intro = لكل لغة ولكل وثيقة: كم تُرجم منها وكم سُجّل صوتيًا، وما الخطوة التالية.
studio-work-no-documents = لا توجد وثائق في هذا المشروع بعد.
studio-work-translated = مترجَم: { $count } من { $total }
studio-work-stale = للمراجعة من جديد، لأن النص الأصلي تغيّر: { $count }
studio-work-fallback = لم يُترجَم بعد، ويظهر بلغة أخرى: { $count }
studio-work-missing = غير مكتوب بأي لغة: { $count }
studio-work-recorded = مسجَّل: { $count } من { $total }
studio-work-record-again = لإعادة التسجيل: { $count }
studio-work-next-translate = التالي: ترجمة الرسالة { $at }
studio-work-next-record = التالي: تسجيل الرسالة { $at }
studio-work-done = كل شيء مترجَم ومسجَّل.
