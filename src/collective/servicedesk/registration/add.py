"""++add++Inquiry on a service desk opens the quick registration form."""

from Products.Five.browser import BrowserView


class InquiryAddView(BrowserView):
    """Send "Add new → Inquiry" to @@register: one registration experience."""

    def __init__(self, context, request, ti=None):
        super().__init__(context, request)
        self.ti = ti

    def __call__(self) -> str:
        query = self.request.get("QUERY_STRING")
        url = f"{self.context.absolute_url()}/@@register"
        self.request.response.redirect(f"{url}?{query}" if query else url)
        return ""

    def browserDefault(self, request):
        return self, ()

    def publishTraverse(self, request, name):
        raise KeyError(name)
