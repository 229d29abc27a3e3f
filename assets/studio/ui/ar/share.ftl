# kyr's studio, share pages: Arabic (not reviewed yet).

studio-share-refused-title = امسح رمز QR مرة أخرى
studio-share-refused = لا تُفتح هذه الصفحة إلا بالرابط الموجود في رمز QR. امسح رمز QR مرة أخرى، أو اطلب الرابط من الشخص المنظِّم.
