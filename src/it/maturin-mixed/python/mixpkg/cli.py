def main():
    from mixpkg import add
    print("mix-hello", add(2, 3))
