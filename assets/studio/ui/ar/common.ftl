# kyr's studio: the words every studio page uses, in Arabic.
# Translation made for kyr, not reviewed by a second speaker yet.

studio-language-name = العربية
studio-choose-language = لغة هذه الصفحات
studio-home = كل اللغات وكل الوثائق
studio-site = الصفحات المُنشأة
studio-previous = السابق
studio-next = التالي
studio-position = { $at } / { $count }
studio-no-messages = هذه الوثيقة لا تستخدم أي رسالة.
studio-no-text = لا توجد في سلسلة هذه اللغة أي لغة فيها نص لهذه الرسالة.
studio-not-found = هذه الصفحة غير موجودة. ارجع إلى قائمة اللغات والوثائق.
