from notify.backends import BaseSMSBackend


class FailingSMSBackend(BaseSMSBackend):
    def send(self, *, phone, template_code, params, language=None) -> str:
        raise ConnectionError("网关超时")
