"""List body sentences that score_html.py counts as tag leaks, with their bytes in the page.
Evidence (2026-12-02): the only leaks on html-articles dev are 5 sentences of page 8cad00dc...
whose page bytes are "&lt;The Palace: Tale of Jang Noksu&gt;" (escaped visible text, a title in
angle brackets) and whose ground-truth articleBody holds the same literal "<The Palace: ...>":
a metric artefact, not markup leaking. usage: python3 benches/quality/html_leaks.py"""
import json,subprocess,re,os,glob,concurrent.futures
TAG = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
d='/work/shared/data/html-articles'
files=sorted(glob.glob(d+'/*.html'))
def run(f):
    p=subprocess.run(['target/release/examples/reconcile','--json',f],capture_output=True)
    rep=json.loads(p.stdout); out=[]
    for doc in rep.get('documents',[]):
        for s in doc.get('sentences',[]):
            t=s.get('text','')
            m=TAG.search(t)
            if m: out.append((os.path.basename(f),s.get('start'),s.get('end'),t,m.group()))
    return out
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    for r in ex.map(run,files):
        for x in r: print(x)
