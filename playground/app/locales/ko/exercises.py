"""한국어 messages of the exercises page."""

MESSAGES = {
    "ex.nav": "연습 문제",
    "ex.title": "워크숍 연습 문제",
    "ex.intro": "연습 문제마다 시작 설정이 있습니다. 시작 설정을 플레이그라운드로 불러와 문제가 허용하는 "
    "손잡이만 바꾼 뒤, 여기로 돌아와 지금 설정을 확인하세요. 힌트는 하나씩 열리고, 진행 상황은 이 "
    "브라우저 세션에 남습니다.",
    "ex.choose": "연습 문제",
    "ex.point": "튜닝 포인트 {point}",
    "ex.goal": "목표",
    "ex.step": "{total}단계 중 {n}단계",
    "ex.load": "시작 설정 불러오기",
    "ex.load.help": "시작 설정을 사이드바에 넣고 플레이그라운드를 엽니다.",
    "ex.check": "지금 설정 확인하기",
    "ex.check.help": "사이드바의 지금 설정을 학습시키고 (캐시에 있으면 가져오고) 목표를 확인합니다.",
    "ex.checking": "설정을 학습시키는 중 …",
    "ex.controls": "바꿔도 되는 것: {controls}",
    "ex.controls_all": "데이터({fixed})를 뺀 모든 것을 바꿔도 됩니다.",
    "ex.locked": "이 문제에서 잠긴 손잡이: {controls}",
    "ex.locked_but": "이 문제에서는 다음을 뺀 모든 손잡이가 잠겨 있습니다: {controls}",
    "ex.unlock": "잠금 풀기",
    "ex.bad_link": "링크의 연습 문제 “{id}”를 찾을 수 없습니다. 목록에서 고르세요.",
    "ex.result": "지금 설정의 확인 결과 ({n}번째 시도)",
    "ex.step_done": "{n}단계 완료. 이제 {next}단계: {goal}",
    "ex.solved": "해결했습니다!",
    "ex.quiz_first": "목표에 도달했습니다. 아래 질문에 답하면 문제가 끝납니다.",
    "ex.not_yet": "아직입니다: 확인 {total}개 중 {n}개 통과.",
    "ex.quiz_title": "질문",
    "ex.quiz_right": "맞습니다.",
    "ex.quiz_wrong": "아쉽습니다. 한 번 더 생각해 보세요.",
    "ex.hints": "힌트",
    "ex.hint_btn": "힌트 보기 ({total}개 중 {shown}개)",
    "ex.hint": "힌트 {n}: {text}",
    "ex.why_title": "왜 이렇게 될까요",
    "ex.reset": "이 문제 처음부터 다시",
    "ex.progress": "나의 진행 상황",
    "ex.progress_bar": "연습 문제 {total}개 중 {solved}개 해결",
    "ex.col.point": "포인트",
    "ex.col.title": "연습 문제",
    "ex.col.status": "상태",
    "ex.col.attempts": "확인 횟수",
    "ex.col.hints": "본 힌트",
    "ex.status.solved": "✓ 해결",
    "ex.status.step": "{total}단계 중 {n}단계",
    "ex.status.open": "—",
    "ex.share": "강사용: 이 연습 문제 공유하기",
    "ex.share_text": "이 페이지 주소 뒤에 붙이세요. `lock=auto`는 문제에 필요 없는 손잡이를 모두 "
    "잠그고, `lock=scaler,loss`처럼 직접 고를 수도 있습니다. 잠금은 학습자의 세션 동안 (다른 문제를 "
    "고르거나 잠금을 풀 때까지) 유지됩니다.",
    "ex.nothing": "없음",
    "ex.run.ok": "정상",
    "ex.run.diverged": "발산",
    "ex.c.converged": "학습이 발산하지 않고 수렴 (상태: {status})",
    "ex.c.test_acc": "테스트 정확도 {target} 이상 (지금 {value})",
    "ex.c.train_acc_by": "에포크 {epoch}까지 학습 정확도 {target} 도달 (지금 도달 에포크: {value})",
    "ex.c.train_loss": "마지막 학습 비용 {target} 이하 (지금 {value})",
    "ex.c.ratio_below": "에포크 0의 기울기 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖가 {hi}보다 작음 (지금 {value})",
    "ex.c.ratio_above": "에포크 0의 기울기 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖가 {lo}보다 큼 (지금 {value})",
    "ex.c.ratio": "에포크 0의 기울기 비율 ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖가 {lo}와 {hi} 사이 (지금 {value})",
    "ex.c.units_differ": "은닉층 1의 노드들이 더 이상 똑같지 않음",
    "ex.c.has_overfitting": "진단이 과대적합을 알림",
    "ex.c.no_overfitting": "진단이 더 이상 과대적합을 알리지 않음",
    "ex.c.is": "{controls}: {target} (지금 {value})",
    "ex.c.is_not": "{controls}: {target}이(가) 아님 (지금 {value})",
    "ex.c.at_least": "{controls} {target} 이상 (지금 {value})",
    "ex.c.max_nodes": "은닉 노드가 모두 합쳐 {target}개 이하 (지금 {value})",
    "ex.c.max_size": "은닉층 {depth}개 이하, 층마다 노드 {width}개 이하 (지금 {value})",
    "ex.c.one_change": "앞 단계와 다른 설정이 정확히 하나 (바뀐 것: {changed})",
    "ex.c.only": "바꾼 것은 이것뿐: {controls}",
    "ex.c.only_previous": "앞 단계 이후 바꾼 것은 이것뿐: {controls}",
    "ex.c.also": " (함께 바꾼 것: {changed})",
    "ex.normalizer.title": "Normalizer와 동심원",
    "ex.normalizer.task": "동심원 데이터에 스케일러로 Normalizer (L2)를 썼더니, 신경망이 무엇을 해도 "
    "배우지 못합니다. 왜 그런지 알아낸 뒤, 스케일러만 바꿔서 고쳐 보세요.",
    "ex.normalizer.step.1": "다른 스케일러로 테스트 정확도 90 % 이상에 도달하세요.",
    "ex.normalizer.hint.1": "플레이그라운드에서 ① 스케일러 보기를 열고, 전처리 전과 후의 점을 비교해 "
    "보세요.",
    "ex.normalizer.hint.2": "Normalizer는 각 점(각 행)을 길이 1로 만듭니다. 점이 중심에서 얼마나 "
    "떨어져 있었는지는 어떻게 될까요?",
    "ex.normalizer.hint.3": "표준화(StandardScaler)는 특성마다 따로 작동하고 데이터 모양을 그대로 "
    "둡니다.",
    "ex.normalizer.quiz": "Normalizer를 거친 동심원을 신경망이 배우지 못하는 까닭은?",
    "ex.normalizer.quiz.0": "정규화된 데이터에는 학습률이 너무 작아서.",
    "ex.normalizer.quiz.1": "모든 점이 단위원 위로 옮겨져, 두 클래스를 가르는 유일한 정보인 반지름이 "
    "사라져서.",
    "ex.normalizer.quiz.2": "Normalizer가 테스트 데이터의 레이블을 뒤섞어서.",
    "ex.normalizer.why": "두 클래스는 중심에서의 거리만 다릅니다. Normalizer는 각 점을 그 점의 "
    "노름으로 나누므로 모든 점이 거리 1에 놓이고 각도만 남습니다: 두 클래스가 서로 겹칩니다. 특성마다 "
    "z = (x − μ)/σ를 계산하는 표준화는 거리를 지킵니다.",
    "ex.cancer_scaler.title": "유방암 데이터: 스케일러 없이, 그리고 스케일러로",
    "ex.cancer_scaler.task": "유방암 데이터의 두 특성은 크기가 60배쯤 다릅니다 (mean area ≈ "
    "150–2500, mean texture ≈ 10–40). 스케일러가 없으면 tanh 신경망은 다수 클래스만 예측합니다. 이 "
    "두 특성으로는 89 % 안팎이 최선입니다.",
    "ex.cancer_scaler.step.1": "스케일러 없이 (none 그대로) 테스트 정확도 85 % 이상에 도달하세요: "
    "다른 것은 무엇이든 바꿔도 됩니다.",
    "ex.cancer_scaler.step.2": "시작 설정을 다시 불러와 스케일러만 바꿔서 85 % 이상에 도달하세요.",
    "ex.cancer_scaler.hint.1": "1000에 가까운 입력은 tanh를 평평한 꼬리로 밀어 넣습니다: f′(z) ≈ "
    "0이라 기울기가 사라집니다 (진단을 보세요).",
    "ex.cancer_scaler.hint.2": "스케일러 없이: 평평한 꼬리가 없는 활성화 함수(ReLU, Leaky ReLU)와 "
    "은닉층 하나로 가능합니다.",
    "ex.cancer_scaler.hint.3": "스케일러가 있으면 한 번만 바꾸면 됩니다: StandardScaler나 "
    "MinMaxScaler.",
    "ex.cancer_scaler.why": "경사하강법은 특성의 크기가 비슷할 때 가장 잘 작동합니다. 스케일하지 "
    "않으면 큰 특성이 tanh 노드를 포화시키고 기울기를 독차지해서, 운 좋은 구조만 겨우 배웁니다. "
    "표준화는 두 특성을 같은 눈금에 놓아, 처음 신경망도 바로 배웁니다.",
    "ex.mse_ce.title": "포화된 시작점에서 MSE냐 교차 엔트로피냐",
    "ex.mse_ce.task": "20배 큰 초기 가중치 때문에 시그모이드 노드가 처음부터 포화되어 있습니다. "
    "비용함수가 MSE면 학습이 기어갑니다. 비용함수만 바꿔 보세요.",
    "ex.mse_ce.step.1": "에포크 15까지 학습 정확도 90 %에 도달하세요.",
    "ex.mse_ce.hint.1": "출력에서 MSE의 기울기에는 σ′(z)가 곱해지는데, 시그모이드가 포화된 곳에서는 "
    "≈ 0입니다.",
    "ex.mse_ce.hint.2": "시그모이드 출력에 교차 엔트로피를 쓰면 로짓에 대한 기울기가 그냥 ŷ − y입니다.",
    "ex.mse_ce.quiz": "여기서 교차 엔트로피가 더 빨리 배우는 까닭은?",
    "ex.mse_ce.quiz.0": "학습률이 더 크게 들어 있어서.",
    "ex.mse_ce.quiz.1": "틀린 예측을 무시해서.",
    "ex.mse_ce.quiz.2": "포화된 시그모이드가 틀렸을 때 기울기 ŷ − y가 크게 남지만, MSE의 기울기는 "
    "σ′(z) ≈ 0이 곱해져서.",
    "ex.mse_ce.why": "MSE에서는 ∂L/∂z = 2(ŷ − y)·σ′(z)라서, 자신 있게 틀린 포화 출력은 기울기를 거의 "
    "받지 못합니다. 교차 엔트로피의 로그는 σ′(z)를 지워 ∂L/∂z = ŷ − y가 되고, 가장 많이 틀린 곳에서 "
    "기울기가 가장 큽니다.",
    "ex.vanish_fix.title": "기울기를 없앴다가, 한 번 바꿔 되살리기",
    "ex.vanish_fix.task": "기울기 소실: 입력층 쪽으로 갈수록 기울기가 층마다 줄어들어 앞쪽 층이 거의 "
    "배우지 못합니다. 먼저 기울기 소실을 일으키고, 설정 하나만 바꿔 고쳐 보세요.",
    "ex.vanish_fix.step.1": "첫 층의 기울기를 마지막 층의 1/1000보다 작게 만드세요 (에포크 0에서 "
    "비율 < 1e-3).",
    "ex.vanish_fix.step.2": "그 설정에서 정확히 하나만 바꿔 비율을 1e-2보다 크게 만드세요.",
    "ex.vanish_fix.hint.1": "오차 역전파는 층마다 가중치와 f′(z)를 곱합니다. 시그모이드의 f′는 "
    "최대 0.25입니다.",
    "ex.vanish_fix.hint.2": "1단계: 시그모이드, 많은 층 (예: 6개), 작은 초기 가중치 (배율 0.1).",
    "ex.vanish_fix.hint.3": "2단계: 0 근처에서 도함수가 1인 활성화 함수(tanh, ReLU), 또는 훨씬 적은 "
    "층.",
    "ex.vanish_fix.why": "층마다 기울기에 대략 |w|·f′(z)가 곱해집니다. 시그모이드(f′ ≤ 0.25)와 작은 "
    "가중치면 이 값이 1보다 훨씬 작고, 층이 여섯이면 여섯 번 곱해집니다. tanh와 ReLU는 0 근처에서 "
    "f′ = 1이라 하나만 바꿔도 기울기가 다시 흐릅니다.",
    "ex.zero_init.title": "모든 가중치가 0",
    "ex.zero_init.task": "모든 가중치가 0에서 시작합니다. 학습시켜 보면 아무것도 움직이지 않고 정확도는 "
    "50 %에 머뭅니다. 까닭을 알아내고, 가중치 초기화만 바꿔서 고쳐 보세요.",
    "ex.zero_init.step.1": "은닉층 1의 노드들이 서로 다르고, 테스트 정확도가 90 % 이상.",
    "ex.zero_init.hint.1": "0으로 시작하면 한 층의 노드가 모두 같은 값을 내고 같은 기울기를 받습니다. "
    "언젠가 달라질 수 있을까요?",
    "ex.zero_init.hint.2": "초기 가중치를 무작위로 뽑으세요: tanh와 시그모이드에는 Glorot(Xavier), "
    "ReLU에는 He.",
    "ex.zero_init.quiz": "가중치를 0으로 초기화하면 왜 안 될까요?",
    "ex.zero_init.quiz.0": "한 층의 노드가 똑같이 시작해 똑같이 갱신되므로 계속 똑같습니다 (대칭). "
    "여기 tanh에서는 기울기가 아예 정확히 0입니다.",
    "ex.zero_init.quiz.1": "가중치가 0이면 학습률이 0이 되어서.",
    "ex.zero_init.quiz.2": "최적화 알고리즘이 정확히 0인 파라미터를 건너뛰어서.",
    "ex.zero_init.why": "똑같은 노드는 똑같은 기울기를 받으므로 어떤 갱신도 둘을 구별하지 못합니다: "
    "층 전체가 노드 하나처럼 움직입니다. 무작위 초기 가중치가 이 대칭을 깹니다.",
    "ex.explode_fix.title": "기울기 폭주",
    "ex.explode_fix.task": "노드 32개짜리 tanh 층 여섯 개에 초기 가중치가 20배 큽니다: 기울기가 마지막 "
    "층에서 첫 층으로 가며 200배쯤 커집니다. 가중치 초기화만으로 고쳐 보세요.",
    "ex.explode_fix.step.1": "에포크 0의 기울기 비율이 0.1과 10 사이, 그리고 테스트 정확도 90 % 이상.",
    "ex.explode_fix.hint.1": "기울기 흐름 차트를 보세요: 층마다 기울기에 그 층의 가중치가 곱해집니다.",
    "ex.explode_fix.hint.2": "Glorot의 범위 √(6/(n_in + n_out))는 신호의 크기를 층마다 같게 "
    "유지합니다: 배율을 1로 되돌리세요.",
    "ex.explode_fix.why": "역방향으로 갈 때 층마다 기울기에 가중치 행렬이 곱해집니다. 가중치가 20배 "
    "크면 이 배수가 1보다 크고, 층 여섯 개가 이를 거듭 곱합니다. Glorot과 He는 층의 크기에 맞춰 "
    "가중치를 조절해 이 배수를 1 근처로 둡니다.",
    "ex.largest_lr.title": "SGD의 가장 큰 학습률",
    "ex.largest_lr.task": "학습률 10인 SGD는 첫 에포크에서 발산합니다. 목록에서 아직 수렴하는 가장 큰 "
    "학습률을 찾으세요.",
    "ex.largest_lr.step.1": "학습률 1 이상, 발산 없음, 테스트 정확도 90 % 이상.",
    "ex.largest_lr.hint.1": "한 칸씩 내려가며 (10 → 3 → 1) 비용 곡선의 처음 몇 에포크를 보세요.",
    "ex.largest_lr.hint.2": "걸음이 너무 크면 비용 함수의 골짜기를 건너뛰어 매번 더 높은 곳에 "
    "떨어집니다.",
    "ex.largest_lr.why": "학습률은 기울기 방향으로 내딛는 걸음의 길이입니다. 비용 곡면의 굽은 "
    "정도가 정하는 한계를 넘으면 걸음마다 최솟값을 바로잡는 것보다 더 많이 지나쳐, 비용이 끝없이 "
    "커집니다.",
    "ex.gd_sgd.title": "경사하강법 대 확률적 경사하강법",
    "ex.gd_sgd.task": "전체 배치 경사하강법(배치 크기 0)은 에포크마다 한 걸음입니다: 100 에포크에 "
    "100걸음. 에포크, 최적화 알고리즘, 학습률은 그대로 두고 배치 크기만 바꾸세요.",
    "ex.gd_sgd.step.1": "같은 100 에포크에 마지막 학습 비용 0.15 이하.",
    "ex.gd_sgd.hint.1": "학습 샘플 400개에 배치 크기 16이면 한 에포크가 25걸음입니다.",
    "ex.gd_sgd.hint.2": "배치가 작으면 걸음이 흔들리지만 훨씬 많아집니다.",
    "ex.gd_sgd.quiz": "같은 에포크 수에서 SGD가 더 낮은 비용에 닿는 까닭은?",
    "ex.gd_sgd.quiz.0": "SGD의 한 걸음이 GD의 한 걸음보다 더 정확해서.",
    "ex.gd_sgd.quiz.1": "데이터를 한 번 훑을 때 (흔들리지만) 훨씬 많은 걸음을 내딛어서.",
    "ex.gd_sgd.quiz.2": "학습률을 스스로 올려서.",
    "ex.gd_sgd.why": "미니배치 기울기는 전체 기울기의 흔들리는 추정값이지만 데이터의 일부만 씁니다: "
    "한 에포크에 GD가 한 번 움직일 때 SGD는 25번 움직입니다.",
    "ex.circles_nodes.title": "동심원에는 노드가 몇 개 필요할까",
    "ex.circles_nodes.task": "노드 하나짜리 은닉층은 안쪽 원을 감싸는 닫힌 경계를 그리지 못합니다. "
    "노드 개수만 바꿔 보세요.",
    "ex.circles_nodes.step.1": "노드 3개 이하인 은닉층 하나로 테스트 정확도 95 % 이상.",
    "ex.circles_nodes.hint.1": "은닉 노드 하나가 경계에 직선 하나를 더합니다. 직선 몇 개면 도형이 "
    "닫힐까요?",
    "ex.circles_nodes.hint.2": "강의의 경험적 기준은 입력 2개에 노드 1–2개를 권합니다: 시험해 본 뒤 "
    "하나 더 늘려 보세요.",
    "ex.circles_nodes.why": "tanh 노드 하나는 평면을 직선 하나로 나누고, 출력이 그 조각들을 합칩니다. "
    "직선 두 개는 열린 띠를 남기지만, 세 개면 안쪽 원을 삼각형으로 감쌀 수 있습니다. 노드가 너무 "
    "적으면 과소적합입니다.",
    "ex.xor_smallest.title": "XOR을 푸는 가장 작은 신경망",
    "ex.xor_smallest.task": "(8, 8) 신경망은 XOR을 쉽게 풉니다. 얼마나 작아질 수 있을까요?",
    "ex.xor_smallest.step.1": "은닉 노드 모두 합쳐 3개 이하로 테스트 정확도 90 % 이상.",
    "ex.xor_smallest.hint.1": "은닉층이 없으면 경계는 직선 하나입니다: XOR의 네 사분면에는 "
    "모자랍니다.",
    "ex.xor_smallest.hint.2": "은닉층 하나로 노드를 4, 3, 2개로 줄여 보세요.",
    "ex.xor_smallest.hint.3": "작은 신경망이 막히면 에포크를 늘리거나 학습률을 키워 보세요.",
    "ex.xor_smallest.why": "XOR은 직선 하나로 나눌 수 없습니다. 은닉 노드 몇 개가 평면을 휘어 출력이 "
    "나눌 수 있게 만듭니다. 사분면 데이터에는 노드 세 개면 되고, 두 개로는 안 됩니다.",
    "ex.overfit_l2.title": "일부러 과대적합시킨 뒤 L2로 고치기",
    "ex.overfit_l2.task": "노이즈 많은 샘플 100개, 그 절반은 테스트용입니다. 먼저 신경망이 학습 "
    "데이터를 외우게 만들고, 그다음 L2 정규화만으로 붙잡아 보세요.",
    "ex.overfit_l2.step.1": "진단이 과대적합을 알리게 만드세요 (학습 비용은 내려가는데 테스트 비용이 "
    "오름).",
    "ex.overfit_l2.step.2": "그 설정에서 L2 정규화만 바꿔 진단이 더 이상 과대적합을 알리지 않게 "
    "하세요.",
    "ex.overfit_l2.hint.1": "과대적합에는 용량이 필요합니다: 노드와 층이 많고 (예: 32 × 3) 에포크가 "
    "충분해야 합니다.",
    "ex.overfit_l2.hint.2": "L2는 비용함수에 ½·λ·Σ‖W‖²를 더합니다: 큰 가중치가 비싸지므로 경계가 "
    "매끄러워집니다.",
    "ex.overfit_l2.hint.3": "λ = 0.01, 다음에 0.03을 시도해 보세요.",
    "ex.overfit_l2.why": "가중치가 학습 데이터보다 훨씬 많으면 신경망은 노이즈 낀 점 하나하나를 "
    "돌아가도록 경계를 구부릴 수 있습니다. L2 벌점은 가중치를 작게 묶어 경계를 단순하게 유지합니다.",
    "ex.spiral_small.title": "작은 신경망으로 나선 풀기",
    "ex.spiral_small.task": "서로 감긴 나선 두 개입니다. 시작 신경망(노드 8개짜리 층 2개)은 89 % "
    "안팎에 머뭅니다. 데이터만 빼고 무엇이든 바꿔 보세요.",
    "ex.spiral_small.step.1": "노드 8개 이하인 은닉층 3개 이하로 테스트 정확도 95 % 이상.",
    "ex.spiral_small.hint.1": "여기서는 깊이가 도움이 됩니다: 층마다 평면을 한 번 더 접을 수 있습니다.",
    "ex.spiral_small.hint.2": "최적화 알고리즘을 바꾸기 전에 노드 8개짜리 층 3개를 먼저 시도해 보세요.",
    "ex.spiral_small.hint.3": "ReLU나 ELU, 더 많은 에포크, 학습률 0.03도 도움이 될 수 있습니다.",
    "ex.spiral_small.why": "나선에는 여러 번 도는 경계가 필요합니다. 층을 더하면 아래층이 접은 것을 "
    "다시 접으므로, 노드 8개짜리 세 번째 층이 두 층에 노드를 더하는 것보다 효과가 큽니다.",
}
