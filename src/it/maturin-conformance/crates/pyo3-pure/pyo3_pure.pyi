class DummyClass:
    @staticmethod
    def get_42() -> int: ...

fourtytwo: int
