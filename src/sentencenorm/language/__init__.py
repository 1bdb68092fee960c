"""What sentencenorm knows of each language, shared by the read and the write side."""
