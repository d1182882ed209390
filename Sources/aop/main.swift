print("aop")
