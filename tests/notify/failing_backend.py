from notify.backends import BaseSMSBackend


class FailingSMSBackend(BaseSMSBackend):
    def send(self, *, phone: str, text: str) -> str:
        raise ConnectionError("网关超时")
