# The two commands of the README are `make demo` and `make test`.
.PHONY: demo test install run worker lint messages check bench

demo:
	bin/demo

test:
	bin/test

install:
	bin/install

run:
	PYTHONPATH=site .venv/bin/python manage.py runserver 0.0.0.0:8000

worker:
	PYTHONPATH=site .venv/bin/celery -A govsite worker --beat --pool=solo --loglevel=INFO

messages:
	PYTHONPATH=site .venv/bin/python manage.py makemessages -l en -l mn_Mong --ignore=.venv --ignore=var
	PYTHONPATH=site .venv/bin/python manage.py compilemessages --ignore=.venv

check:
	PYTHONPATH=site .venv/bin/python manage.py check
