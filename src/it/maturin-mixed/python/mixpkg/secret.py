SECRET = "must not ship"
