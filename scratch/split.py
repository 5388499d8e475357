import json,collections,math,sys
import numpy as np
items=[json.loads(l) for l in open('/work/main/../shared/data/googlenews-dev/items.jsonl')]
found={json.loads(l)['id']:json.loads(l)['story'] for l in open(sys.argv[1])}
docs=[]
for x in items:
  c=collections.Counter()
  for w in x['title'].split(): c[w]+=2
  for w in x.get('snippet','').split(): c[w]+=1
  docs.append(c)
df=collections.Counter()
for c in docs: df.update(c.keys())
N=len(docs); vocab={w:i for i,w in enumerate(df)}
idf=np.array([math.log(N/df[w]) for w in vocab])
X=np.zeros((N,len(vocab)))
for i,c in enumerate(docs):
  for w,n in c.items(): X[i,vocab[w]]=n*idf[vocab[w]]
X/=np.linalg.norm(X,axis=1,keepdims=True)+1e-12
def twomeans(V,seed):
  rng=np.random.default_rng(seed)
  C=V[rng.choice(len(V),2,replace=False)]
  for _ in range(30):
    s=V@C.T; lab=s.argmax(1)
    if lab.min()==lab.max(): return None
    C=np.stack([V[lab==k].sum(0) for k in (0,1)]); C/=np.linalg.norm(C,axis=1,keepdims=True)
  obj=(V@C.T).max(1).sum()
  return obj,lab,C
groups=collections.defaultdict(list)
for i,x in enumerate(items): groups[found[x['id']]].append(i)
rows=[]
for s,idx in groups.items():
  if len(idx)<10: continue
  V=X[idx]; best=None
  for seed in range(8):
    r=twomeans(V,seed)
    if r and (best is None or r[0]>best[0]): best=r
  obj,lab,C=best
  cos=float(C[0]@C[1])
  g=collections.Counter(items[i]['story'] for i in idx)
  sizes=np.bincount(lab)
  rows.append((cos,s,len(idx),sizes.tolist(),g.most_common(3)))
for r in sorted(rows): print('%.3f'%r[0],*r[1:])
